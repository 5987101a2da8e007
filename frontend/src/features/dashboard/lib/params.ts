import { parseTimeRange, type TimeRange } from '@/lib/time-range'

export const TOP_METRICS = [
  { value: 'runs', label: 'Volume' },
  { value: 'error_rate', label: 'Error rate' },
  { value: 'cost_usd', label: 'Cost' },
] as const

export type TopMetric = (typeof TOP_METRICS)[number]['value']

export const DASHBOARD_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const

/** The dashboard's state in the URL: `?range=7d&agent_id=...&status=failed&top=cost_usd`. */
export type DashboardParams = { range: TimeRange; agent_id: string; status: string; top: TopMetric }

export function dashboardParamsOf(params: URLSearchParams): DashboardParams {
  const status = params.get('status') ?? ''
  const top = params.get('top') ?? ''
  return {
    range: parseTimeRange(params.get('range')),
    agent_id: params.get('agent_id')?.trim() ?? '',
    status: (DASHBOARD_STATUSES as readonly string[]).includes(status) ? status : '',
    top: TOP_METRICS.some((m) => m.value === top) ? (top as TopMetric) : 'runs',
  }
}

/** Only what differs from the defaults goes into the URL. */
export function dashboardSearch(params: DashboardParams): URLSearchParams {
  const search = new URLSearchParams()
  if (params.range !== '24h') search.set('range', params.range)
  if (params.agent_id) search.set('agent_id', params.agent_id)
  if (params.status) search.set('status', params.status)
  if (params.top !== 'runs') search.set('top', params.top)
  return search
}

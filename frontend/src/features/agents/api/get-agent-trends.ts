import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, dataOf, type Refine, type Schemas } from '@/lib/api-client'
import { dashboardKeys } from '@/lib/query-keys'
import { type TimeRange, timeWindow } from '@/lib/time-range'

export type AgentTrendKpis = Partial<Omit<Schemas['DashboardKpis'], 'previous' | 'active_agents'>> & {
  previous?: Partial<Omit<Schemas['DashboardTotals'], 'active_agents'>>
}

export type AgentTrendPoint = Refine<Schemas['DashboardPoint'], { latency_p50_ms: number | null; latency_p95_ms: number | null }>

/** GET /dashboard/agent/{id}: the agent's figures per bucket (hours up to 2 days, days beyond). */
export type AgentTrends = {
  range?: Schemas['DashboardRange']
  agent?: { id: string; name: string }
  kpis: AgentTrendKpis
  series: AgentTrendPoint[]
  cost_by_model: Array<{ model: string | null; cost_usd: number }>
}

export const getAgentTrends = (id: string, range: TimeRange, signal?: AbortSignal) => {
  const window = timeWindow(range)
  return (dataOf(api.GET('/api/v1/dashboard/agent/{id}', { params: { path: { id }, query: window }, signal })) as Promise<AgentTrends>).then(
    (trends) => ({ ...trends, range: trends.range ?? { ...window, bucket: '' } }),
  )
}

export const agentTrendsQueryOptions = (id: string, range: TimeRange) =>
  queryOptions({
    queryKey: dashboardKeys.agent(id, { range }),
    queryFn: ({ signal }) => getAgentTrends(id, range, signal),
  })

export const useAgentTrends = (id: string, range: TimeRange) => useQuery(agentTrendsQueryOptions(id, range))

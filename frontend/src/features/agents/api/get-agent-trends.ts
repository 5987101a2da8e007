import { queryOptions, useQuery } from '@tanstack/react-query'
import { type Envelope, http } from '@/lib/http'
import { dashboardKeys } from '@/lib/query-keys'
import { type TimeRange, timeWindow } from '@/lib/time-range'

export type AgentTrendKpis = {
  runs?: number
  errors?: number
  error_rate?: number
  cost_usd?: number
  latency_p50_ms?: number | null
  latency_p95_ms?: number | null
  previous?: Omit<AgentTrendKpis, 'previous'>
}

export type AgentTrendPoint = {
  bucket: string
  runs: number
  errors: number
  cost_usd: number
  latency_p50_ms: number | null
  latency_p95_ms: number | null
}

/** GET /dashboard/agent/{id}: the agent's figures per bucket (hours up to 2 days, days beyond). */
export type AgentTrends = {
  range?: { from: string; to: string; bucket: string }
  agent?: { id: string; name: string }
  kpis: AgentTrendKpis
  series: AgentTrendPoint[]
  cost_by_model: Array<{ model: string | null; cost_usd: number }>
}

export const getAgentTrends = (id: string, range: TimeRange, signal?: AbortSignal) => {
  const window = timeWindow(range)
  return http
    .get<Envelope<AgentTrends>>(`/api/v1/dashboard/agent/${encodeURIComponent(id)}`, { query: window, signal })
    .then((body) => ({ ...body.data, range: body.data.range ?? { ...window, bucket: '' } }))
}

export const agentTrendsQueryOptions = (id: string, range: TimeRange) =>
  queryOptions({
    queryKey: dashboardKeys.agent(id, { range }),
    queryFn: ({ signal }) => getAgentTrends(id, range, signal),
  })

export const useAgentTrends = (id: string, range: TimeRange) => useQuery(agentTrendsQueryOptions(id, range))

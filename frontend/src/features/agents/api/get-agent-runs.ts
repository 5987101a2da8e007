import { queryOptions, useQuery } from '@tanstack/react-query'
import { http, type ListEnvelope } from '@/lib/http'
import { runKeys } from '@/lib/query-keys'

/** The fields of a run that the agent page lists. */
export type AgentRun = {
  id: string
  external_reference: string
  status: 'running' | 'completed' | 'failed' | 'cancelled'
  model: string | null
  cost_usd: number | null
  cost_source: 'computed' | 'provided' | 'unpriced'
  duration_ms: number | null
  start_time: string
  error: string | null
}

export const RECENT_RUNS = 10

/** The agent's latest runs (GET /runs?agent_id=&limit=10), newest first. */
export const getAgentRuns = (agentId: string, signal?: AbortSignal) =>
  http.get<ListEnvelope<AgentRun>>('/api/v1/runs', { query: { agent_id: agentId, limit: RECENT_RUNS }, signal })

export const agentRunsQueryOptions = (agentId: string) =>
  queryOptions({
    queryKey: runKeys.list({ agent_id: agentId, limit: RECENT_RUNS }),
    queryFn: ({ signal }) => getAgentRuns(agentId, signal),
  })

export const useAgentRuns = (agentId: string) => useQuery(agentRunsQueryOptions(agentId))

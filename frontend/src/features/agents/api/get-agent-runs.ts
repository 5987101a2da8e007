import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Refine, Schemas } from '@/lib/api-client'
import { api, unwrap } from '@/lib/api-client'
import type { CostSource, RunStatus } from '@/lib/closed-sets'
import { runKeys } from '@/lib/query-keys'

/** The fields of a run that the agent page lists. */
export type AgentRun = Pick<
  Refine<Schemas['RunResponse'], { status: RunStatus; cost_source: CostSource; error: string | null }>,
  'id' | 'external_reference' | 'status' | 'model' | 'cost_usd' | 'cost_source' | 'duration_ms' | 'start_time' | 'error'
>

export const RECENT_RUNS = 10

/** The agent's latest runs (GET /runs?agent_id=&limit=10), newest first. */
export const getAgentRuns = (agentId: string, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/runs', { params: { query: { agent_id: agentId, limit: RECENT_RUNS } }, signal })) as Promise<{
    data: AgentRun[]
    page: Schemas['PageInfo']
  }>

export const agentRunsQueryOptions = (agentId: string) =>
  queryOptions({
    queryKey: runKeys.list({ agent_id: agentId, limit: RECENT_RUNS }),
    queryFn: ({ signal }) => getAgentRuns(agentId, signal),
  })

export const useAgentRuns = (agentId: string) => useQuery(agentRunsQueryOptions(agentId))

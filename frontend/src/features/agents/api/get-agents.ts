import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { http, type ListEnvelope } from '@/lib/http'
import { agentKeys } from '@/lib/query-keys'

export type AgentStatus = 'active' | 'paused' | 'error' | 'archived'

/** An agent with its figures of the last 24 hours. */
export type Agent = {
  id: string
  name: string
  slug: string
  type: string | null
  provider: string | null
  status: AgentStatus
  team: string | null
  tags: string[]
  environment: string | null
  config: Record<string, unknown> | null
  runs_24h: number
  /** 0..1 */
  error_rate_24h: number
  cost_24h_usd: number | null
  last_run_at: string | null
  created_at: string
  updated_at: string
}

export const AGENTS_PAGE_SIZE = 50

/** GET /agents: archived agents only when `status=archived`. */
export const getAgents = (status: string, cursor: string | null, signal?: AbortSignal) =>
  http.get<ListEnvelope<Agent>>('/api/v1/agents', { query: { status, limit: AGENTS_PAGE_SIZE, cursor }, signal })

export const agentsQueryOptions = (status: string) =>
  infiniteQueryOptions({
    queryKey: agentKeys.list({ status }),
    queryFn: ({ pageParam, signal }) => getAgents(status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

export const useAgents = (status: string) => useInfiniteQuery(agentsQueryOptions(status))

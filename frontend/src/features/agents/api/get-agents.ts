import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { api, compact, type Refine, type Schemas, unwrap } from '@/lib/api-client'
import type { AgentStatus } from '@/lib/closed-sets'
import { agentKeys } from '@/lib/query-keys'

/** An agent with its figures of the last 24 hours. */
export type Agent = Refine<
  Schemas['AgentResponse'],
  {
    status: AgentStatus
    type: string | null
    provider: string | null
    team: string | null
    environment: string | null
    config: Record<string, unknown> | null
    cost_24h_usd: number | null
    last_run_at: string | null
  }
>

export type AgentPage = { data: Agent[]; page: Schemas['PageInfo'] }

export const AGENTS_PAGE_SIZE = 50

/** GET /agents: archived agents only when `status=archived`; `status` is '' or one of AGENT_STATUSES (statusFilterOf). */
export const getAgents = (status: string, cursor: string | null, signal?: AbortSignal): Promise<AgentPage> =>
  unwrap(api.GET('/api/v1/agents', { params: { query: compact({ status: status as AgentStatus | '', limit: AGENTS_PAGE_SIZE, cursor }) }, signal })) as Promise<AgentPage>

export const agentsQueryOptions = (status: string) =>
  infiniteQueryOptions({
    queryKey: agentKeys.list({ status }),
    queryFn: ({ pageParam, signal }) => getAgents(status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

export const useAgents = (status: string) => useInfiniteQuery(agentsQueryOptions(status))

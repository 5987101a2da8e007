import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import type { AgentStatus } from '@/lib/closed-sets'
import { dashboardKeys } from '@/lib/query-keys'

/** What the dashboard needs of an agent: its status for the health counts, its name for the lists. */
export type AgentSummary = { id: string; name: string; status: AgentStatus }

/** The organization's agents (not archived), first 200: enough for the counts of the health card. */
export const getAgentSummaries = (signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/agents', { params: { query: { limit: 200 } }, signal })).then((body) => ({
    agents: body.data.map(({ id, name, status }) => ({ id, name, status: status as AgentStatus })),
    complete: !body.page.next_cursor,
  }))

export const agentHealthQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.agentHealth(),
    queryFn: ({ signal }) => getAgentSummaries(signal),
  })

export const useAgentHealth = () => useQuery(agentHealthQueryOptions())

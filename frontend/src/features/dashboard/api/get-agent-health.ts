import { queryOptions, useQuery } from '@tanstack/react-query'
import { http, type ListEnvelope } from '@/lib/http'
import { dashboardKeys } from '@/lib/query-keys'

/** What the dashboard needs of an agent: its status for the health counts, its name for the lists. */
export type AgentSummary = { id: string; name: string; status: 'active' | 'paused' | 'error' | 'archived' }

/** The organization's agents (not archived), first 200: enough for the counts of the health card. */
export const getAgentSummaries = (signal?: AbortSignal) =>
  http.get<ListEnvelope<AgentSummary>>('/api/v1/agents', { query: { limit: 200 }, signal }).then((body) => ({
    agents: body.data.map(({ id, name, status }) => ({ id, name, status })),
    complete: !body.page.next_cursor,
  }))

export const agentHealthQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.agentHealth(),
    queryFn: ({ signal }) => getAgentSummaries(signal),
  })

export const useAgentHealth = () => useQuery(agentHealthQueryOptions())

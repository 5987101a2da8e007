import { queryOptions, useQuery } from '@tanstack/react-query'
import { http, type ListEnvelope } from '@/lib/http'
import { agentKeys } from '@/lib/query-keys'

/** What the run browser needs of an agent: a name for its runs and an entry in the filter. */
export type AgentOption = { id: string; name: string; slug: string; status: string }

/** Agents for the filter and for names in the table, archived ones included (their runs stay). */
export async function getAgentOptions(signal?: AbortSignal): Promise<AgentOption[]> {
  const [current, archived] = await Promise.all([
    http.get<ListEnvelope<AgentOption>>('/api/v1/agents', { query: { limit: 200 }, signal }),
    http.get<ListEnvelope<AgentOption>>('/api/v1/agents', { query: { limit: 200, status: 'archived' }, signal }).catch(() => null),
  ])
  const pick = ({ id, name, slug, status }: AgentOption) => ({ id, name, slug, status })
  return [...current.data.map(pick), ...(archived?.data.map(pick) ?? [])]
}

export const agentOptionsQueryOptions = () =>
  queryOptions({
    queryKey: agentKeys.options(),
    queryFn: ({ signal }) => getAgentOptions(signal),
    staleTime: 60_000,
  })

export const useAgentOptions = () => useQuery(agentOptionsQueryOptions())

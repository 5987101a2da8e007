import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Schemas, unwrap } from '@/lib/api-client'
import type { AgentStatus } from '@/lib/closed-sets'
import { agentKeys } from '@/lib/query-keys'

/** What the run browser needs of an agent: a name for its runs and an entry in the filter. */
export type AgentOption = { id: string; name: string; slug: string; status: string }

const listAgents = (status: AgentStatus | undefined, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/agents', { params: { query: { limit: 200, status } }, signal }))

/** Agents for the filter and for names in the table, archived ones included (their runs stay). */
export async function getAgentOptions(signal?: AbortSignal): Promise<AgentOption[]> {
  const [current, archived] = await Promise.all([
    listAgents(undefined, signal),
    listAgents('archived', signal).catch(() => null),
  ])
  // the API always sends status (the document marks it optional)
  const pick = ({ id, name, slug, status }: Schemas['AgentResponse']) => ({ id, name, slug, status: status as AgentStatus })
  return [...current.data.map(pick), ...(archived?.data.map(pick) ?? [])]
}

export const agentOptionsQueryOptions = () =>
  queryOptions({
    queryKey: agentKeys.options(),
    queryFn: ({ signal }) => getAgentOptions(signal),
    staleTime: 60_000,
  })

export const useAgentOptions = () => useQuery(agentOptionsQueryOptions())

import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Agent } from '@/features/agents/api/get-agents'
import { type Envelope, http } from '@/lib/http'
import { agentKeys } from '@/lib/query-keys'

export const getAgent = (id: string, signal?: AbortSignal): Promise<Agent> =>
  http.get<Envelope<Agent>>(`/api/v1/agents/${encodeURIComponent(id)}`, { signal }).then((body) => body.data)

export const agentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: agentKeys.detail(id),
    queryFn: ({ signal }) => getAgent(id, signal),
  })

export const useAgent = (id: string) => useQuery(agentQueryOptions(id))

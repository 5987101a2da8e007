import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Agent } from '@/features/agents/api/get-agents'
import { api, dataOf } from '@/lib/api-client'
import { agentKeys } from '@/lib/query-keys'

export const getAgent = (id: string, signal?: AbortSignal): Promise<Agent> =>
  dataOf(api.GET('/api/v1/agents/{id}', { params: { path: { id } }, signal })) as Promise<Agent>

export const agentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: agentKeys.detail(id),
    queryFn: ({ signal }) => getAgent(id, signal),
  })

export const useAgent = (id: string) => useQuery(agentQueryOptions(id))

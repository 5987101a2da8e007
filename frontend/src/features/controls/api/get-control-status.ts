import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, dataOf, type Schemas } from '@/lib/api-client'
import { controlKeys } from '@/lib/query-keys'

/** The halt state and every paused agent, with who paused it, when and why. */
export type ControlStatus = Schemas['ControlStatus']
export type PausedAgent = Schemas['AgentControlState']

export const getControlStatus = (signal?: AbortSignal): Promise<ControlStatus> =>
  dataOf(api.GET('/api/v1/controls/status', { signal }))

export const controlStatusQueryOptions = () =>
  queryOptions({
    queryKey: controlKeys.status(),
    queryFn: ({ signal }) => getControlStatus(signal),
    // live events refresh it on every tab; the interval covers a tab without the stream
    refetchInterval: 30_000,
  })

export const useControlStatus = () => useQuery(controlStatusQueryOptions())

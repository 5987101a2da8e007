import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Organization } from '@/lib/auth'
import { type Envelope, http } from '@/lib/http'

export const getOrgProfile = (signal?: AbortSignal): Promise<Organization> =>
  http.get<Envelope<Organization>>('/api/v1/orgs/profile', { signal }).then((body) => body.data)

export const orgProfileQueryKey = ['orgs', 'profile'] as const

export const orgProfileQueryOptions = () =>
  queryOptions({ queryKey: orgProfileQueryKey, queryFn: ({ signal }) => getOrgProfile(signal) })

export const useOrgProfile = () => useQuery(orgProfileQueryOptions())

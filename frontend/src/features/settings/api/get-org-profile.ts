import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Organization } from '@/lib/auth'
import { api, dataOf } from '@/lib/api-client'

export const getOrgProfile = (signal?: AbortSignal): Promise<Organization> =>
  dataOf(api.GET('/api/v1/orgs/profile', { signal })) as Promise<Organization>

export const orgProfileQueryKey = ['orgs', 'profile'] as const

export const orgProfileQueryOptions = () =>
  queryOptions({ queryKey: orgProfileQueryKey, queryFn: ({ signal }) => getOrgProfile(signal) })

export const useOrgProfile = () => useQuery(orgProfileQueryOptions())

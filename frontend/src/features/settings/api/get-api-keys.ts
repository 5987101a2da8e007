import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { api, type Refine, type Schemas, unwrap } from '@/lib/api-client'

/** A key as listed: never the key itself, only its prefix. */
export type ApiKey = Refine<Schemas['ApiKeyResponse'], { expires_at: string | null; last_used_at: string | null; revoked_at: string | null }>

export type ApiKeyPage = { data: ApiKey[]; page: Schemas['PageInfo'] }

export const getApiKeys = (cursor: string | null, signal?: AbortSignal): Promise<ApiKeyPage> =>
  unwrap(api.GET('/api/v1/api-keys', { params: { query: { limit: 50, cursor } }, signal }))

export const apiKeysQueryKey = ['api-keys'] as const

export const apiKeysQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: apiKeysQueryKey,
    queryFn: ({ pageParam, signal }) => getApiKeys(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

export const useApiKeys = () => useInfiniteQuery(apiKeysQueryOptions())

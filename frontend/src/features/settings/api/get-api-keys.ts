import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { http, type ListEnvelope } from '@/lib/http'

export const API_KEY_SCOPES = ['ingest', 'read', 'policies:check', 'admin'] as const
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number]

/** A key as listed: never the key itself, only its prefix. */
export type ApiKey = {
  id: string
  name: string
  prefix: string
  scopes: string[]
  created_at: string
  expires_at: string | null
  last_used_at: string | null
  revoked_at: string | null
}

export const getApiKeys = (cursor: string | null, signal?: AbortSignal): Promise<ListEnvelope<ApiKey>> =>
  http.get<ListEnvelope<ApiKey>>('/api/v1/api-keys', { query: { limit: 50, cursor }, signal })

export const apiKeysQueryKey = ['api-keys'] as const

export const apiKeysQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: apiKeysQueryKey,
    queryFn: ({ pageParam, signal }) => getApiKeys(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

export const useApiKeys = () => useInfiniteQuery(apiKeysQueryOptions())

import { queryOptions, useQuery } from '@tanstack/react-query'
import { publicApi } from '@/lib/api-client'

export type CheckStatus = 'up' | 'down'

/** Body of `GET /health`: 200 when every check is up, 503 (same shape) when one is down. */
export type Health = {
  status: CheckStatus
  checks: Record<string, { status: CheckStatus }>
}

export type ApiStatus =
  | { state: 'checking'; label: string }
  | { state: 'online'; label: string }
  | { state: 'degraded'; label: string; failing: string[] }
  | { state: 'unreachable'; label: string }

/** Reads a health body defensively: anything that is not the documented shape yields null. */
export function parseHealth(body: unknown): Health | null {
  if (typeof body !== 'object' || body === null) return null
  const { status, checks } = body as { status?: unknown; checks?: unknown }
  if (status !== 'up' && status !== 'down') return null
  const parsed: Health['checks'] = {}
  if (typeof checks === 'object' && checks !== null) {
    for (const [name, check] of Object.entries(checks)) {
      const checkStatus = (check as { status?: unknown } | null)?.status
      if (checkStatus === 'up' || checkStatus === 'down') parsed[name] = { status: checkStatus }
    }
  }
  return { status, checks: parsed }
}

/**
 * What the header shows. `health` is undefined while the first check runs; `failed` means the request
 * itself failed (network error, or a response that is not a health body, e.g. an HTML page).
 */
export function apiStatusOf(health: Health | undefined, failed: boolean): ApiStatus {
  if (failed) return { state: 'unreachable', label: 'API unreachable' }
  if (!health) return { state: 'checking', label: 'Checking API…' }
  if (health.status === 'up') return { state: 'online', label: 'API online' }
  const failing = Object.entries(health.checks)
    .filter(([, check]) => check.status === 'down')
    .map(([name]) => name)
    .sort()
  return { state: 'degraded', label: 'API degraded', failing }
}

export async function getHealth(): Promise<Health> {
  const { data, error, response } = await publicApi.GET('/health')
  const body: unknown = response.ok ? data : error
  const health = parseHealth(body)
  if (!health) throw new Error(`GET /health answered ${response.status} without a health body`)
  return health
}

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: ['health'],
    // no abort signal: the header remounts when the first lazy page arrives, and the check should go on
    queryFn: getHealth,
    refetchInterval: 30_000,
    staleTime: 10_000,
    retry: 1,
    retryDelay: 1_000,
  })

export function useApiStatus(): ApiStatus {
  const query = useQuery(healthQueryOptions())
  return apiStatusOf(query.data, query.isError)
}

import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import type { RunFilters } from '@/features/runs/lib/filters'
import { api, compact, type Refine, type Schemas, unwrap } from '@/lib/api-client'
import type { CostSource, RunStatus } from '@/lib/closed-sets'
import { runKeys } from '@/lib/query-keys'

export type Run = Refine<
  Schemas['RunResponse'],
  {
    status: RunStatus
    cost_source: CostSource
    input?: unknown
    output?: unknown
    /** USD by kind of token ("input", "output", "cache_read"...). */
    cost_breakdown?: Record<string, number> | null
    metadata: Record<string, unknown> | null
    // always sent, null when unknown (the document marks them optional)
    error: string | null
    end_time: string | null
    duration_ms: number | null
    model: string | null
    cost_usd: number | null
    pricing_model: string | null
    pricing_version: string | null
  }
>

export type RunPage = { data: Run[]; page: Schemas['PageInfo'] }

export const RUNS_PAGE_SIZE = 50

/** GET /runs, newest first, with the browser's filters. */
export const getRuns = (filters: RunFilters, cursor: string | null, signal?: AbortSignal) =>
  unwrap(
    api.GET('/api/v1/runs', {
      params: { query: compact({ ...filters, status: filters.status as RunStatus | '', min_cost: filters.min_cost ? Number(filters.min_cost) : undefined, limit: RUNS_PAGE_SIZE, cursor }) },
      signal,
    }),
  ) as Promise<RunPage>

export const runsQueryOptions = (filters: RunFilters) =>
  infiniteQueryOptions({
    queryKey: runKeys.list({ ...filters }),
    queryFn: ({ pageParam, signal }) => getRuns(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

/** `pollMs`: refetch on a timer, for when live updates are not flowing. */
export const useRuns = (filters: RunFilters, { pollMs }: { pollMs?: number } = {}) =>
  useInfiniteQuery({ ...runsQueryOptions(filters), refetchInterval: pollMs ?? false })

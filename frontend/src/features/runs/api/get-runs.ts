import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import type { RunFilters } from '@/features/runs/lib/filters'
import { http, type ListEnvelope } from '@/lib/http'
import { runKeys } from '@/lib/query-keys'

export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled'
export type CostSource = 'computed' | 'provided' | 'unpriced'

export type Run = {
  id: string
  /** The client's `run_id`. */
  external_reference: string
  agent_id: string
  status: RunStatus
  input: unknown
  output: unknown
  error: string | null
  start_time: string
  end_time: string | null
  duration_ms: number | null
  model: string | null
  input_tokens: number
  output_tokens: number
  cache_read_tokens: number
  cache_write_tokens: number
  reasoning_tokens: number
  cost_usd: number | null
  cost_source: CostSource
  /** USD by kind of token ("input", "output", "cache_read"...). */
  cost_breakdown: Record<string, number> | null
  pricing_model: string | null
  pricing_version: string | null
  tags: string[]
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export const RUNS_PAGE_SIZE = 50

/** GET /runs, newest first, with the browser's filters. */
export const getRuns = (filters: RunFilters, cursor: string | null, signal?: AbortSignal) =>
  http.get<ListEnvelope<Run>>('/api/v1/runs', { query: { ...filters, limit: RUNS_PAGE_SIZE, cursor }, signal })

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

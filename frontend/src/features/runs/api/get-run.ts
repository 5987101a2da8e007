import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Run } from '@/features/runs/api/get-runs'
import { api, dataOf, type Refine, type Schemas } from '@/lib/api-client'
import type { CostSource, EventType } from '@/lib/closed-sets'
import { runKeys } from '@/lib/query-keys'

export type RunEvent = Refine<
  Schemas['EventResponse'],
  {
    event_type: EventType
    payload: unknown
    duration_ms: number | null
    model: string | null
    cost_usd: number | null
    cost_source: CostSource
    cost_breakdown: Record<string, number> | null
  }
>

export type RunDetail = { run: Run; events: RunEvent[] }

/** GET /runs/{id}: the run and every event, in time order. */
export const getRun = (id: string, signal?: AbortSignal): Promise<RunDetail> =>
  dataOf(api.GET('/api/v1/runs/{id}', { params: { path: { id } }, signal })) as Promise<RunDetail>

export const runQueryOptions = (id: string) =>
  queryOptions({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => getRun(id, signal),
  })

export const useRun = (id: string) => useQuery(runQueryOptions(id))

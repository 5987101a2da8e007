import { queryOptions, useQuery } from '@tanstack/react-query'
import type { CostSource, Run } from '@/features/runs/api/get-runs'
import { type Envelope, http } from '@/lib/http'
import { runKeys } from '@/lib/query-keys'

export type RunEventType = 'llm_call' | 'tool_call' | 'external_action' | 'policy_check' | 'approval' | 'log' | 'error' | 'custom'

export type RunEvent = {
  id: string
  /** The client's `event_id`, unique in the run. */
  event_id: string
  event_type: RunEventType
  timestamp: string
  duration_ms: number | null
  payload: unknown
  model: string | null
  input_tokens: number
  output_tokens: number
  cache_read_tokens: number
  cache_write_tokens: number
  reasoning_tokens: number
  cost_usd: number | null
  cost_source: CostSource
  cost_breakdown: Record<string, number> | null
}

export type RunDetail = { run: Run; events: RunEvent[] }

/** GET /runs/{id}: the run and every event, in time order. */
export const getRun = (id: string, signal?: AbortSignal): Promise<RunDetail> =>
  http.get<Envelope<RunDetail>>(`/api/v1/runs/${encodeURIComponent(id)}`, { signal }).then((body) => body.data)

export const runQueryOptions = (id: string) =>
  queryOptions({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => getRun(id, signal),
  })

export const useRun = (id: string) => useQuery(runQueryOptions(id))

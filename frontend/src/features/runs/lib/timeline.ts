import type { RunEvent } from '@/features/runs/api/get-run'
import type { Run } from '@/features/runs/api/get-runs'

export type TimelineItem = {
  event: RunEvent
  /** Position in time order (0-based). */
  index: number
  /** Milliseconds since the run started (or since its first event, when that came earlier). */
  offsetMs: number
  /** Where the event's bar starts and how wide it is, in % of the run's span. */
  startPct: number
  widthPct: number
  isError: boolean
  /** One line saying what the event was: the tool, the action, the model... */
  title: string
  tokens: number
  /** Cost of this and every earlier event. */
  cumulativeCostUsd: number
}

export type Timeline = {
  items: TimelineItem[]
  originMs: number
  spanMs: number
  /** Where the run ended on the same scale; null while it runs. */
  end: { offsetMs: number; status: Run['status']; error: string | null } | null
  errorCount: number
  eventsCostUsd: number
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const TITLE_KEYS = ['name', 'tool', 'tool_name', 'action', 'function', 'policy', 'decision', 'message', 'url'] as const

/** The most telling short text of an event. */
export function eventTitle(event: Pick<RunEvent, 'event_type' | 'payload' | 'model'>): string {
  const payload = event.payload
  let text: string | undefined
  if (isObject(payload)) {
    for (const key of TITLE_KEYS) {
      const value = payload[key]
      if (typeof value === 'string' && value.trim()) {
        text = value.trim()
        break
      }
    }
    if (!text && typeof payload.error === 'string') text = payload.error
    if (!text && isObject(payload.error) && typeof payload.error.message === 'string') text = payload.error.message
  } else if (typeof payload === 'string' && payload.trim()) {
    text = payload.trim()
  }
  text ??= event.model ?? event.event_type.replace(/_/g, ' ')
  return text.length > 120 ? `${text.slice(0, 119)}…` : text
}

/** An event that reports a failure: the `error` type, or a payload that carries an error or a failed status. */
export function isErrorEvent(event: Pick<RunEvent, 'event_type' | 'payload'>): boolean {
  if (event.event_type === 'error') return true
  const payload = event.payload
  if (!isObject(payload)) return false
  if (payload.error !== undefined && payload.error !== null && payload.error !== false && payload.error !== '') return true
  return typeof payload.status === 'string' && ['error', 'failed', 'failure'].includes(payload.status.toLowerCase())
}

const ms = (iso: string | null | undefined) => {
  const value = iso ? Date.parse(iso) : Number.NaN
  return Number.isNaN(value) ? null : value
}

/**
 * The forensic timeline of a run: events in time order (ties keep the API's order), each placed on the run's
 * span as an offset and a bar, with errors marked and cost accumulated. Pure: the component only renders it.
 */
export function prepareTimeline(run: Pick<Run, 'start_time' | 'end_time' | 'status' | 'error'>, events: readonly RunEvent[]): Timeline {
  const ordered = events
    .map((event, position) => ({ event, position, at: ms(event.timestamp) }))
    .sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.position - b.position)
  const starts = [ms(run.start_time), ...ordered.map((o) => o.at)].filter((v): v is number => v !== null)
  const originMs = starts.length ? Math.min(...starts) : 0
  const ends = [
    ms(run.end_time),
    ...ordered.map((o) => (o.at === null ? null : o.at + Math.max(0, o.event.duration_ms ?? 0))),
  ].filter((v): v is number => v !== null)
  const spanMs = Math.max(1, (ends.length ? Math.max(...ends) : originMs) - originMs)

  let cumulative = 0
  let errorCount = 0
  const items = ordered.map(({ event, at }, index): TimelineItem => {
    const offsetMs = at === null ? 0 : at - originMs
    const duration = Math.max(0, event.duration_ms ?? 0)
    cumulative += event.cost_usd ?? 0
    const isError = isErrorEvent(event)
    if (isError) errorCount++
    const startPct = Math.min(100, (offsetMs / spanMs) * 100)
    return {
      event,
      index,
      offsetMs,
      startPct,
      // a visible sliver for instant events
      widthPct: Math.max(0.75, Math.min(100 - startPct, (duration / spanMs) * 100)),
      isError,
      title: eventTitle(event),
      tokens: (event.input_tokens ?? 0) + (event.output_tokens ?? 0),
      cumulativeCostUsd: cumulative,
    }
  })
  const endMs = ms(run.end_time)
  const end = run.status === 'running' ? null : { offsetMs: endMs === null ? spanMs : endMs - originMs, status: run.status, error: run.error }
  if (run.status === 'failed' || run.error) errorCount += items.some((item) => item.isError) ? 0 : 1
  return { items, originMs, spanMs, end, errorCount, eventsCostUsd: cumulative }
}

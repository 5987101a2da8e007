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

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)

/** The message of an `error` field: a sentence, or an object with a `message`. */
const errorText = (value: unknown): string | undefined => text(value) ?? (isObject(value) ? text(value.message) : undefined)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ')

/**
 * Titles of the event types whose payload has a known shape. Each reads the canonical payload (what the SDKs
 * send today) and the older one (what earlier SDKs sent, still stored in old runs): `tool_call`
 * `{tool_name, input, output, error}` or `{tool, ...}`; `external_action` `{action_type, target, payload,
 * approval_id}` or `{action, target, details}`. Undefined when the payload has neither shape.
 */
const TYPED_TITLES: Partial<Record<string, (payload: Record<string, unknown>) => string | undefined>> = {
  tool_call: (p) => {
    const tool = text(p.tool_name) ?? text(p.tool)
    if (!tool) return undefined
    const error = errorText(p.error)
    return error ? `${tool} failed: ${error}` : tool
  },
  external_action: (p) => {
    const action = text(p.action_type) ?? text(p.action)
    if (!action) return undefined
    const target = text(p.target)
    return target ? `${action} → ${target}` : action
  },
  policy_check: (p) => {
    const action = text(p.action_type)
    const decision = text(p.decision)
    if (!action || !decision) return undefined
    const reasons = Array.isArray(p.reasons) ? p.reasons.map(text).filter(Boolean) : []
    const verdicts: Record<string, string> = {
      allow: `Policy allowed ${action}`,
      block: `Policy blocked ${action}`,
      require_approval: `Policy held ${action} for approval`,
    }
    return joined(verdicts[decision] ?? `Policy ${decision.replace(/_/g, ' ')} for ${action}`, reasons.length ? `(${reasons.join('; ')})` : undefined)
  },
  approval_requested: (p) => {
    const action = text(p.action_type)
    return action ? `Approval requested for ${action}` : 'Approval requested'
  },
  approval_decided: (p) => {
    const decision = text(p.decision)
    if (!decision) return undefined
    if (decision === 'expired') return 'Approval expired: nobody decided in time'
    const by = text(p.decided_by)
    // decided_by is the person's user id: shortened, it still tells two deciders apart
    const who = by && UUID.test(by) ? `user ${by.slice(0, 8)}` : by
    const comment = text(p.comment)
    return joined(`Approval ${decision}`, who ? `by ${who}` : undefined, comment ? `: “${comment}”` : undefined).replace(' :', ':')
  },
}

/** The most telling short text of an event: its tool, action, decision... by its type, else the first telling field. */
export function eventTitle(event: Pick<RunEvent, 'event_type' | 'payload' | 'model'>): string {
  const payload = event.payload
  let title: string | undefined
  if (isObject(payload)) {
    title = TYPED_TITLES[event.event_type]?.(payload)
    for (const key of TITLE_KEYS) {
      if (title) break
      title = text(payload[key])
    }
    title ??= errorText(payload.error)
  } else {
    title = text(payload)
  }
  title ??= event.model ?? event.event_type.replace(/_/g, ' ')
  return title.length > 120 ? `${title.slice(0, 119)}…` : title
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

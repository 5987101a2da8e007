import { ChevronRight, Pause, Play, SkipBack, SkipForward } from 'lucide-react'
import { useEffect, useReducer, useRef, useState } from 'react'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { JsonBlock } from '@/components/ui/json-view'
import type { EventType } from '@/lib/closed-sets'
import { initialStepper, replayKey, stepperReducer } from '@/features/runs/lib/stepper'
import type { Timeline, TimelineItem } from '@/features/runs/lib/timeline'
import { usageProvenance } from '@/features/runs/lib/cost'
import { cn } from '@/lib/cn'
import { formatDuration, formatOffset, formatTokens, formatUsd } from '@/lib/format'

const TYPE_TONES: Record<EventType, BadgeTone> = {
  llm_call: 'accent',
  tool_call: 'neutral',
  external_action: 'warning',
  policy_check: 'neutral',
  approval: 'warning',
  approval_requested: 'warning',
  approval_decided: 'neutral',
  log: 'neutral',
  error: 'danger',
  custom: 'neutral',
}

const BAR_COLORS: Partial<Record<EventType, string>> = {
  llm_call: 'bg-accent-500',
  tool_call: 'bg-sky-500',
  external_action: 'bg-amber-500',
  policy_check: 'bg-violet-500',
  approval: 'bg-amber-400',
  approval_requested: 'bg-amber-400',
  approval_decided: 'bg-amber-300',
}

/** Milliseconds between replay steps. */
const PLAY_INTERVAL_MS = 900

function EventRow({ item, current }: { item: TimelineItem; current: boolean }) {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLLIElement>(null)
  const { event } = item
  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [current])
  const detailsId = `event-${event.id}`
  const cacheTokens = event.cache_read_tokens + event.cache_write_tokens
  return (
    <li
      ref={ref}
      aria-current={current ? 'step' : undefined}
      data-event-id={event.event_id}
      className={cn(
        'rounded-lg border px-3 py-2.5 transition-colors',
        item.isError ? 'border-red-200 bg-red-50/70' : 'border-zinc-200 bg-white',
        current && 'ring-2 ring-accent-500',
      )}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="w-20 shrink-0 font-mono text-xs tabular-nums text-zinc-500" title={new Date(event.timestamp).toISOString()}>
          {formatOffset(item.offsetMs)}
        </span>
        <Badge tone={item.isError ? 'danger' : (TYPE_TONES[event.event_type] ?? 'neutral')} className="font-mono">
          {event.event_type}
        </Badge>
        <span className={cn('min-w-0 flex-1 truncate text-sm', item.isError ? 'font-medium text-red-800' : 'text-zinc-900')} title={item.title}>
          {item.title}
        </span>
        <span className="flex shrink-0 items-center gap-3 text-xs tabular-nums text-zinc-500">
          {event.duration_ms !== null && <span title="Duration">{formatDuration(event.duration_ms)}</span>}
          {item.tokens > 0 && (
            <span title={`Tokens in / out${cacheTokens ? `, ${formatTokens(cacheTokens)} cached` : ''}`}>
              {formatTokens(event.input_tokens)} / {formatTokens(event.output_tokens)} tok
            </span>
          )}
          {event.cost_usd !== null ? (
            <span title="Cost of this event" className="text-zinc-700">
              {formatUsd(event.cost_usd)}
            </span>
          ) : event.cost_source === 'unpriced' && item.tokens > 0 ? (
            <Badge tone="warning">unpriced</Badge>
          ) : event.cost_source === 'usage_unrecognized' ? (
            <span title={usageProvenance('usage_unrecognized', event.usage_unrecognized_keys, 'event') ?? undefined}>
              <Badge tone="warning">usage not recognised</Badge>
            </span>
          ) : null}
          <button
            type="button"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={`${open ? 'Hide' : 'Show'} payload of ${event.event_type} ${event.event_id}`}
            onClick={() => setOpen((v) => !v)}
            className="rounded p-0.5 text-zinc-400 outline-none hover:bg-zinc-100 hover:text-zinc-700 focus-visible:ring-2 focus-visible:ring-accent-500"
          >
            <ChevronRight aria-hidden className={cn('size-4 transition-transform', open && 'rotate-90')} />
          </button>
        </span>
      </div>
      <div aria-hidden className="relative mt-2 h-1.5 rounded-full bg-zinc-100">
        <div
          className={cn('absolute inset-y-0 rounded-full', item.isError ? 'bg-red-500' : (BAR_COLORS[event.event_type] ?? 'bg-zinc-400'))}
          style={{ left: `${item.startPct}%`, width: `${item.widthPct}%` }}
        />
      </div>
      {open && (
        <div id={detailsId} className="mt-2 space-y-1.5">
          <p className="text-xs text-zinc-500">
            Event <code className="font-mono">{event.event_id}</code>
            {event.model && (
              <>
                {' · '}model <code className="font-mono">{event.model}</code>
              </>
            )}
            {' · '}
            {new Date(event.timestamp).toISOString()}
            {event.reasoning_tokens > 0 && ` · ${formatTokens(event.reasoning_tokens)} reasoning tokens`}
          </p>
          <JsonBlock value={event.payload} />
        </div>
      )}
    </li>
  )
}

/**
 * Every event of the run in time order, placed on the run's span, with a replay: Play reveals the events one by one,
 * step back/forward (also ← and →) move by one.
 */
export function RunTimeline({ timeline }: { timeline: Timeline }) {
  const count = timeline.items.length
  const [state, dispatch] = useReducer(stepperReducer, count, initialStepper)
  const replaying = state.position < count || state.playing

  useEffect(() => {
    if (count !== state.count) dispatch({ type: 'resize', count })
  }, [count, state.count])

  useEffect(() => {
    if (!state.playing) return
    const timer = setInterval(() => dispatch({ type: 'tick' }), PLAY_INTERVAL_MS)
    return () => clearInterval(timer)
  }, [state.playing])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = replayKey(event)
      if (!action) return
      event.preventDefault()
      dispatch({ type: action })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const visible = timeline.items.slice(0, state.position)
  const current = replaying ? visible[visible.length - 1] : undefined
  const hidden = count - state.position
  const costSoFar = visible.length ? visible[visible.length - 1].cumulativeCostUsd : 0

  return (
    <section aria-labelledby="timeline-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="timeline-title" className="text-sm font-semibold text-zinc-900">
            Timeline
          </h2>
          <p className="text-xs text-zinc-500">
            {count === 1 ? '1 event' : `${count} events`} over {formatDuration(timeline.spanMs)}
            {timeline.errorCount > 0 && <span className="font-medium text-red-700"> · {timeline.errorCount === 1 ? '1 error' : `${timeline.errorCount} errors`}</span>}
          </p>
        </div>
        {count > 0 && (
          <div role="group" aria-label="Replay" className="flex flex-wrap items-center gap-2">
            <Button variant="secondary" onClick={() => dispatch({ type: 'prev' })} disabled={state.position <= 1} aria-label="Step back" title="Step back (←)">
              <SkipBack aria-hidden className="size-4" />
            </Button>
            <Button
              variant="secondary"
              onClick={() => dispatch({ type: state.playing ? 'pause' : 'play' })}
              aria-label={state.playing ? 'Pause' : 'Play'}
            >
              {state.playing ? <Pause aria-hidden className="size-4" /> : <Play aria-hidden className="size-4" />}
              <span className="hidden sm:inline">{state.playing ? 'Pause' : 'Play'}</span>
            </Button>
            <Button variant="secondary" onClick={() => dispatch({ type: 'next' })} disabled={state.position >= count} aria-label="Step forward" title="Step forward (→)">
              <SkipForward aria-hidden className="size-4" />
            </Button>
            {replaying && (
              <Button variant="ghost" onClick={() => dispatch({ type: 'showAll' })}>
                Show all
              </Button>
            )}
            <p role="status" aria-live="polite" data-testid="replay-position" className="text-xs tabular-nums text-zinc-600">
              Event {state.position} of {count}
              {replaying && ` · cost so far ${formatUsd(costSoFar)}`}
            </p>
          </div>
        )}
      </div>
      {count === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-500">This run has no events.</p>
      ) : (
        <ol aria-label="Events" className="space-y-2">
          {visible.map((item) => (
            <EventRow key={item.event.id} item={item} current={item === current} />
          ))}
        </ol>
      )}
      {hidden > 0 && (
        <p className="text-xs text-zinc-500">
          {hidden === 1 ? '1 more event' : `${hidden} more events`} — step forward (→) or press Play.
        </p>
      )}
      {hidden === 0 && timeline.end && (
        <p className={cn('flex items-center gap-2 text-xs', timeline.end.status === 'failed' ? 'font-medium text-red-700' : 'text-zinc-500')}>
          <span className="w-20 font-mono tabular-nums">{formatOffset(timeline.end.offsetMs)}</span>
          Run {timeline.end.status}
          {timeline.end.error && `: ${timeline.end.error}`}
        </p>
      )}
      <p className="sr-only">Use the left and right arrow keys to step through the events.</p>
    </section>
  )
}

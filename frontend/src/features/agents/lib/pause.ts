import { type ActorRef, actorName } from '@/lib/actors'
import type { PauseSource } from '@/lib/closed-sets'
import { formatDateTime } from '@/lib/format'

export const PAUSE_SOURCE_LABELS: Record<PauseSource, string> = {
  person: 'Paused by a person',
  kill_switch: 'Kill switch',
  budget: 'Budget exceeded',
  policy: 'Policy',
}

export type PauseInfo = {
  paused_reason?: string | null
  pause_source?: PauseSource | null
  paused_by?: ActorRef | null
  paused_at?: string | null
}

/** The hover text of a paused badge: why, through which path, who and when. */
export function pauseTooltip(agent: PauseInfo, formatTime: (iso: string | null | undefined) => string = formatDateTime): string {
  const parts = [
    agent.paused_reason?.trim() ? `Reason: ${agent.paused_reason.trim()}` : 'No reason given',
    agent.pause_source ? PAUSE_SOURCE_LABELS[agent.pause_source] : null,
    agent.paused_by ? `by ${actorName(agent.paused_by)}` : null,
    agent.paused_at ? `at ${formatTime(agent.paused_at)}` : null,
  ]
  return parts.filter(Boolean).join(' · ')
}

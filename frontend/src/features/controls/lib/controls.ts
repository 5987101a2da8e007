import { type ActorRef, actorName } from '@/lib/actors'
import { formatDateTime } from '@/lib/format'

export type HaltView = { engaged: boolean; engaged_by?: ActorRef | null; engaged_at?: string | null; reason?: string | null }

/** The kill switch asks for the organization's name (or its slug), typed exactly, spaces around aside. */
export function confirmationMatches(typed: string, organization: { name: string; slug: string }): boolean {
  const value = typed.trim()
  return value !== '' && (value === organization.name.trim() || value === organization.slug)
}

/** The banner across every page: "All agents halted by Ana at Mar 4, 2026, 10:15:02: incident 42". */
export function haltSentence(halt: HaltView, formatTime: (iso: string | null | undefined) => string = formatDateTime): string {
  const reason = halt.reason?.trim()
  return `All agents halted by ${actorName(halt.engaged_by)} at ${formatTime(halt.engaged_at)}${reason ? `: ${reason}` : ''}`
}

/** The audit actions of the controls: the control history lists these. */
export const CONTROL_ACTIONS = ['org.halted', 'org.released', 'agent.paused', 'agent.resumed'] as const
export type ControlAction = (typeof CONTROL_ACTIONS)[number]

export type ControlHistoryEntry = {
  id: string
  seq: number
  action: string
  actor_type: string
  actor_id: string | null
  entity_id: string | null
  changes: unknown
  created_at: string
}

/**
 * One list from the per-action pages of the audit log (its filter takes one action at a time): newest first
 * (by the chain's sequence number, which orders entries of the same instant), no duplicates, at most `limit`.
 */
export function mergeControlHistory(pages: ReadonlyArray<readonly ControlHistoryEntry[]>, limit = 20): ControlHistoryEntry[] {
  const byId = new Map<string, ControlHistoryEntry>()
  for (const entry of pages.flat()) byId.set(entry.id, entry)
  return [...byId.values()].sort((a, b) => b.seq - a.seq).slice(0, limit)
}

const ACTION_VERBS: Record<ControlAction, string> = {
  'org.halted': 'Stopped all agents',
  'org.released': 'Released the kill switch',
  'agent.paused': 'Paused',
  'agent.resumed': 'Resumed',
}

const field = (changes: unknown, key: string): unknown =>
  typeof changes === 'object' && changes !== null && !Array.isArray(changes) ? (changes as Record<string, unknown>)[key] : undefined

/** One line of the history: "Paused Support bot: rollout gone wrong", "Stopped all agents (3 paused): incident". */
export function historyLine(entry: ControlHistoryEntry, agentName: (id: string) => string | undefined = () => undefined): string {
  const verb = ACTION_VERBS[entry.action as ControlAction] ?? entry.action
  const reason = field(entry.changes, 'reason')
  let subject = ''
  if (entry.action === 'agent.paused' || entry.action === 'agent.resumed') {
    const slug = field(entry.changes, 'slug')
    subject = ` ${(entry.entity_id && agentName(entry.entity_id)) || (typeof slug === 'string' && slug) || 'an agent'}`
  } else {
    const count = field(entry.changes, entry.action === 'org.halted' ? 'paused_agent_count' : 'resumed_agent_count')
    if (typeof count === 'number') subject = ` (${count} ${entry.action === 'org.halted' ? 'paused' : 'resumed'})`
  }
  return `${verb}${subject}${typeof reason === 'string' && reason.trim() ? `: ${reason.trim()}` : ''}`
}

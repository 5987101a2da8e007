import type { BadgeTone } from '@/components/ui/badge'
import type { AgentStatus } from '@/lib/closed-sets'
import type { AgentRun } from '@/features/agents/api/get-agent-runs'

export const AGENT_STATUS_TONES: Record<AgentStatus, BadgeTone> = {
  active: 'success',
  paused: 'warning',
  error: 'danger',
  archived: 'neutral',
}

export const RUN_STATUS_TONES: Record<AgentRun['status'], BadgeTone> = {
  running: 'accent',
  completed: 'success',
  failed: 'danger',
  cancelled: 'neutral',
}

/** Filter choices of the agents list; '' is every agent but the archived ones. */
export const AGENT_STATUS_FILTERS = [
  { value: '', label: 'All (not archived)' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'error', label: 'Error' },
  { value: 'archived', label: 'Archived' },
] as const

/** `?status=` of the agents list; unknown values are ignored. */
export function statusFilterOf(params: URLSearchParams): string {
  const value = params.get('status') ?? ''
  return AGENT_STATUS_FILTERS.some((f) => f.value === value) ? value : ''
}

import { Badge } from '@/components/ui/badge'
import type { AgentStatus } from '@/lib/closed-sets'
import type { AgentRun } from '@/features/agents/api/get-agent-runs'
import { type PauseInfo, pauseTooltip } from '@/features/agents/lib/pause'
import { AGENT_STATUS_TONES, RUN_STATUS_TONES } from '@/features/agents/lib/status'

/** The agent's status; a paused one says why, who and when on hover. */
export function AgentStatusBadge({ status, pause }: { status: AgentStatus; pause?: PauseInfo }) {
  const badge = <Badge tone={AGENT_STATUS_TONES[status] ?? 'neutral'}>{status}</Badge>
  if (status !== 'paused' || !pause) return badge
  const tooltip = pauseTooltip(pause)
  return (
    <span title={tooltip} aria-label={`paused: ${tooltip}`} className="inline-flex cursor-help">
      {badge}
    </span>
  )
}

export function RunStatusBadge({ status }: { status: AgentRun['status'] }) {
  return <Badge tone={RUN_STATUS_TONES[status] ?? 'neutral'}>{status}</Badge>
}

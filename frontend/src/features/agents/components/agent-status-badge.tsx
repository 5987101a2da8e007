import { Badge } from '@/components/ui/badge'
import type { AgentStatus } from '@/lib/closed-sets'
import type { AgentRun } from '@/features/agents/api/get-agent-runs'
import { AGENT_STATUS_TONES, RUN_STATUS_TONES } from '@/features/agents/lib/status'

export function AgentStatusBadge({ status }: { status: AgentStatus }) {
  return <Badge tone={AGENT_STATUS_TONES[status] ?? 'neutral'}>{status}</Badge>
}

export function RunStatusBadge({ status }: { status: AgentRun['status'] }) {
  return <Badge tone={RUN_STATUS_TONES[status] ?? 'neutral'}>{status}</Badge>
}

import { CirclePause } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { RelativeTime } from '@/components/ui/relative-time'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import type { PausedAgent } from '@/features/controls/api/get-control-status'
import { actorName } from '@/lib/actors'
import { cn } from '@/lib/cn'
import type { PauseSource } from '@/lib/closed-sets'

const SOURCE_LABELS: Record<PauseSource, string> = { person: 'Person', kill_switch: 'Kill switch', budget: 'Budget', policy: 'Policy' }

/** Every paused agent with who paused it, when and why; `action` renders the row's Resume button. */
export function PausedAgents({ agents, action }: { agents: PausedAgent[]; action: (agent: PausedAgent) => ReactNode }) {
  if (agents.length === 0) {
    return (
      <EmptyState
        icon={<CirclePause aria-hidden className="size-5" />}
        title="No paused agents"
        description="Pause an agent from its page or its row in the agent list; it shows here with who paused it and why."
      />
    )
  }
  return (
    <Table label="Paused agents">
      <thead>
        <tr>
          <th className={thClasses}>Agent</th>
          <th className={thClasses}>Paused by</th>
          <th className={thClasses}>When</th>
          <th className={thClasses}>Why</th>
          <th className={thClasses}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {agents.map((agent) => (
          <tr key={agent.agent_id} data-agent-id={agent.agent_id}>
            <td className={tdClasses}>
              <Link to={`/agents/${agent.agent_id}`} className="font-medium text-zinc-900 hover:underline">
                {agent.name}
              </Link>
              <div className="font-mono text-xs text-zinc-500">{agent.slug}</div>
            </td>
            <td className={cn(tdClasses, 'whitespace-nowrap')}>
              <div>{actorName(agent.paused_by)}</div>
              {agent.pause_source && <Badge tone={agent.pause_source === 'kill_switch' ? 'danger' : 'warning'}>{SOURCE_LABELS[agent.pause_source]}</Badge>}
            </td>
            <td className={cn(tdClasses, 'whitespace-nowrap')}>{agent.paused_at ? <RelativeTime iso={agent.paused_at} /> : '—'}</td>
            <td className={cn(tdClasses, 'max-w-md')}>{agent.paused_reason || <span className="text-zinc-400">No reason given</span>}</td>
            <td className={cn(tdClasses, 'text-right')}>{action(agent)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

import { Link } from 'react-router'
import { Badge } from '@/components/ui/badge'
import { RelativeTime } from '@/components/ui/relative-time'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import type { Agent } from '@/features/agents/api/get-agents'
import { AgentStatusBadge } from '@/features/agents/components/agent-status-badge'
import { PauseResumeButton } from '@/features/agents/components/pause-resume-button'
import { cn } from '@/lib/cn'
import { formatPercent, formatTokens, formatUsd } from '@/lib/format'

const num = cn(tdClasses, 'whitespace-nowrap text-right tabular-nums')
const numTh = cn(thClasses, 'text-right')

export function AgentsTable({ agents }: { agents: Agent[] }) {
  return (
    <Table label="Agents">
      <thead>
        <tr>
          <th className={thClasses}>Name</th>
          <th className={thClasses}>Status</th>
          <th className={thClasses}>Type / provider</th>
          <th className={thClasses}>Environment</th>
          <th className={thClasses}>Tags</th>
          <th className={numTh}>Runs 24 h</th>
          <th className={numTh}>Errors 24 h</th>
          <th className={numTh}>Cost 24 h</th>
          <th className={thClasses}>Last run</th>
          <th className={thClasses}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {agents.map((agent) => (
          <tr key={agent.id} data-agent-id={agent.id} className="hover:bg-zinc-50/70">
            <td className={tdClasses}>
              <Link to={`/agents/${agent.id}`} className="font-medium text-zinc-900 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500">
                {agent.name}
              </Link>
              <div className="font-mono text-xs text-zinc-500">{agent.slug}</div>
            </td>
            <td className={tdClasses}>
              <AgentStatusBadge status={agent.status} pause={agent} />
            </td>
            <td className={cn(tdClasses, 'whitespace-nowrap')}>
              {agent.type || '—'}
              <span className="text-zinc-400"> / </span>
              {agent.provider || '—'}
            </td>
            <td className={cn(tdClasses, 'whitespace-nowrap')}>{agent.environment || '—'}</td>
            <td className={tdClasses}>
              <div className="flex max-w-48 flex-wrap gap-1">
                {agent.tags.length ? agent.tags.map((tag) => <Badge key={tag}>{tag}</Badge>) : <span className="text-zinc-400">—</span>}
              </div>
            </td>
            <td className={num}>{formatTokens(agent.runs_24h)}</td>
            <td className={cn(num, agent.error_rate_24h >= 0.1 && 'font-medium text-red-700')}>
              {agent.runs_24h ? formatPercent(agent.error_rate_24h) : '—'}
            </td>
            <td className={num}>{formatUsd(agent.cost_24h_usd)}</td>
            <td className={cn(tdClasses, 'whitespace-nowrap')}>
              {agent.last_run_at ? <RelativeTime iso={agent.last_run_at} /> : <span className="text-zinc-400">Never</span>}
            </td>
            <td className={cn(tdClasses, 'text-right')}>
              {agent.status !== 'archived' && <PauseResumeButton compact agent={{ id: agent.id, name: agent.name, paused: agent.status === 'paused' }} />}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

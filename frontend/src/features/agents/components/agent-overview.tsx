import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { JsonBlock } from '@/components/ui/json-view'
import { QueryError } from '@/components/ui/query-error'
import { RelativeTime } from '@/components/ui/relative-time'
import { Spinner } from '@/components/ui/spinner'
import { StatCard } from '@/components/ui/stat-card'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import { useAgentRuns } from '@/features/agents/api/get-agent-runs'
import type { Agent } from '@/features/agents/api/get-agents'
import { RunStatusBadge } from '@/features/agents/components/agent-status-badge'
import { cn } from '@/lib/cn'
import { formatDateTime, formatDuration, formatPercent, formatTokens, formatUsd } from '@/lib/format'

export function AgentStats({ agent }: { agent: Agent }) {
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <StatCard label="Runs (24 h)" value={formatTokens(agent.runs_24h)} />
      <StatCard label="Error rate (24 h)" value={agent.runs_24h ? formatPercent(agent.error_rate_24h) : '—'} />
      <StatCard label="Cost (24 h)" value={formatUsd(agent.cost_24h_usd)} />
    </div>
  )
}

export function AgentDetails({ agent }: { agent: Agent }) {
  const rows: Array<[string, ReactNode]> = [
    ['Slug', <code className="font-mono text-xs">{agent.slug}</code>],
    ['Type', agent.type || '—'],
    ['Provider', agent.provider || '—'],
    ['Team', agent.team || '—'],
    ['Environment', agent.environment || '—'],
    [
      'Tags',
      agent.tags.length ? (
        <span className="flex flex-wrap gap-1">
          {agent.tags.map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </span>
      ) : (
        '—'
      ),
    ],
    ['Last run', agent.last_run_at ? <RelativeTime iso={agent.last_run_at} /> : 'Never'],
    ['Created', formatDateTime(agent.created_at)],
    ['Updated', formatDateTime(agent.updated_at)],
  ]
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
      <section aria-labelledby="agent-details" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
        <h2 id="agent-details" className="mb-3 text-sm font-semibold text-zinc-900">
          Details
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-500">{label}</dt>
              <dd className="min-w-0 text-zinc-800">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="agent-config" className="min-w-0 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
        <h2 id="agent-config" className="mb-3 text-sm font-semibold text-zinc-900">
          Config
        </h2>
        {agent.config && Object.keys(agent.config).length ? <JsonBlock value={agent.config} /> : <p className="text-sm text-zinc-500">No config.</p>}
      </section>
    </div>
  )
}

export function RecentRuns({ agentId }: { agentId: string }) {
  const runs = useAgentRuns(agentId)
  let body: ReactNode
  if (runs.isPending) body = <Spinner label="Loading recent runs" />
  else if (runs.isError) body = <QueryError error={runs.error} onRetry={() => void runs.refetch()} title="Could not load the recent runs" />
  else if (runs.data.data.length === 0)
    body = <EmptyState title="No runs yet" description="Runs this agent sends show up here within seconds." />
  else
    body = (
      <Table label="Recent runs">
        <thead>
          <tr>
            <th className={thClasses}>Run</th>
            <th className={thClasses}>Status</th>
            <th className={thClasses}>Model</th>
            <th className={cn(thClasses, 'text-right')}>Cost</th>
            <th className={cn(thClasses, 'text-right')}>Duration</th>
            <th className={thClasses}>Started</th>
          </tr>
        </thead>
        <tbody>
          {runs.data.data.map((run) => (
            <tr key={run.id}>
              <td className={tdClasses}>
                <Link to={`/runs/${run.id}`} className="font-mono text-xs font-medium text-zinc-900 hover:underline">
                  {run.external_reference}
                </Link>
              </td>
              <td className={tdClasses}>
                <RunStatusBadge status={run.status} />
              </td>
              <td className={cn(tdClasses, 'whitespace-nowrap')}>{run.model ?? '—'}</td>
              <td className={cn(tdClasses, 'whitespace-nowrap text-right tabular-nums')}>
                {run.cost_source === 'unpriced' ? (
                  <Badge tone="warning">unpriced</Badge>
                ) : run.cost_source === 'usage_unrecognized' ? (
                  <Badge tone="warning">usage not recognised</Badge>
                ) : (
                  formatUsd(run.cost_usd)
                )}
              </td>
              <td className={cn(tdClasses, 'whitespace-nowrap text-right tabular-nums')}>{formatDuration(run.duration_ms)}</td>
              <td className={cn(tdClasses, 'whitespace-nowrap')}>
                <RelativeTime iso={run.start_time} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    )
  return (
    <section aria-labelledby="recent-runs" className="space-y-3">
      <div className="flex items-end justify-between gap-2">
        <h2 id="recent-runs" className="text-sm font-semibold text-zinc-900">
          Recent runs
        </h2>
        <Link to={`/agents/${agentId}/runs`} className="text-sm font-medium text-accent-600 hover:underline">
          All runs of this agent →
        </Link>
      </div>
      {body}
    </section>
  )
}

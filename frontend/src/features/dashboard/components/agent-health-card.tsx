import { Link } from 'react-router'
import { QueryError } from '@/components/ui/query-error'
import { Spinner } from '@/components/ui/spinner'
import { StatusDot, type StatusTone } from '@/components/ui/status-dot'
import { useAgentHealth } from '@/features/dashboard/api/get-agent-health'
import { agentHealthCounts } from '@/features/dashboard/lib/prepare-home'

const ROWS: Array<{ key: 'active' | 'paused' | 'error'; label: string; tone: StatusTone }> = [
  { key: 'active', label: 'Active', tone: 'success' },
  { key: 'paused', label: 'Paused', tone: 'warning' },
  { key: 'error', label: 'Error', tone: 'danger' },
]

export function AgentHealthCard() {
  const health = useAgentHealth()
  let body
  if (health.isPending) body = <Spinner label="Loading agents" />
  else if (health.isError) body = <QueryError error={health.error} onRetry={() => void health.refetch()} title="Could not load the agents" />
  else {
    const counts = agentHealthCounts(health.data.agents)
    body =
      counts.total === 0 ? (
        <p className="text-sm text-zinc-500">
          No agents yet.{' '}
          <Link to="/agents/new" className="font-medium text-accent-600 hover:underline">
            Create one
          </Link>
          .
        </p>
      ) : (
        <ul className="space-y-2">
          {ROWS.map((row) => (
            <li key={row.key}>
              <Link to={`/agents?status=${row.key}`} className="flex items-center gap-2 rounded-md px-1 py-0.5 text-sm hover:bg-zinc-50">
                <StatusDot tone={row.tone} />
                <span className="flex-1 text-zinc-700">{row.label}</span>
                <span className="font-semibold tabular-nums text-zinc-900">
                  {counts[row.key]}
                  {!health.data.complete && row.key === 'active' ? '+' : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )
  }
  return (
    <section aria-labelledby="agent-health" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <h2 id="agent-health" className="mb-3 text-sm font-semibold text-zinc-900">
        Agent health
      </h2>
      {body}
    </section>
  )
}

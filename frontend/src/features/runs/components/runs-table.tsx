import { Link, useNavigate } from 'react-router'
import { RelativeTime } from '@/components/ui/relative-time'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import type { Run } from '@/features/runs/api/get-runs'
import { CostValue, RunStatusBadge } from '@/features/runs/components/run-badges'
import { cn } from '@/lib/cn'
import { formatDuration, formatTokens } from '@/lib/format'

const num = cn(tdClasses, 'whitespace-nowrap text-right tabular-nums')

/** Runs, newest first. The run id is a link; a click anywhere on the row opens the run too. */
export function RunsTable({ runs, agentNames, showAgent }: { runs: Run[]; agentNames: Map<string, string>; showAgent: boolean }) {
  const navigate = useNavigate()
  return (
    <Table label="Runs">
      <thead>
        <tr>
          <th className={thClasses}>Run</th>
          {showAgent && <th className={thClasses}>Agent</th>}
          <th className={thClasses}>Status</th>
          <th className={thClasses}>Model</th>
          <th className={cn(thClasses, 'text-right')}>Tokens in / out</th>
          <th className={cn(thClasses, 'text-right')}>Cost</th>
          <th className={cn(thClasses, 'text-right')}>Duration</th>
          <th className={thClasses}>Started</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr
            key={run.id}
            data-run-id={run.id}
            data-run-ref={run.external_reference}
            onClick={(event) => {
              if ((event.target as HTMLElement).closest('a, button')) return
              navigate(`/runs/${run.id}`)
            }}
            className={cn('cursor-pointer hover:bg-zinc-50', run.status === 'failed' && 'bg-red-50/40')}
          >
            <td className={cn(tdClasses, 'max-w-56')}>
              <Link
                to={`/runs/${run.id}`}
                className="block truncate font-mono text-xs font-medium text-zinc-900 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500"
                title={run.external_reference}
              >
                {run.external_reference}
              </Link>
              {run.error && (
                <span className="block truncate text-xs text-red-700" title={run.error}>
                  {run.error}
                </span>
              )}
            </td>
            {showAgent && (
              <td className={cn(tdClasses, 'whitespace-nowrap')}>
                <Link to={`/agents/${run.agent_id}`} className="hover:underline">
                  {agentNames.get(run.agent_id) ?? <span className="font-mono text-xs">{run.agent_id.slice(0, 8)}…</span>}
                </Link>
              </td>
            )}
            <td className={tdClasses}>
              <RunStatusBadge status={run.status} />
            </td>
            <td className={cn(tdClasses, 'whitespace-nowrap')}>{run.model ?? '—'}</td>
            <td className={num}>
              {formatTokens(run.input_tokens)} <span className="text-zinc-400">/</span> {formatTokens(run.output_tokens)}
            </td>
            <td className={num}>
              <CostValue usd={run.cost_usd} source={run.cost_source} />
            </td>
            <td className={num}>{run.status === 'running' && run.duration_ms === null ? 'running' : formatDuration(run.duration_ms)}</td>
            <td className={cn(tdClasses, 'whitespace-nowrap')}>
              <RelativeTime iso={run.start_time} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

import { CircleAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Badge } from '@/components/ui/badge'
import { JsonDisclosure } from '@/components/ui/json-view'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import type { Run } from '@/features/runs/api/get-runs'
import { CostValue, RunStatusBadge } from '@/features/runs/components/run-badges'
import { breakdownRows, COST_SOURCE_TEXT, usageProvenance } from '@/features/runs/lib/cost'
import { cn } from '@/lib/cn'
import { formatDateTime, formatDuration, formatPercent, formatTokens, formatUsd } from '@/lib/format'

function Fact({ label, children, truncate = false }: { label: string; children: ReactNode; truncate?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className={cn('mt-0.5 text-sm text-zinc-900', truncate ? 'truncate' : 'break-words')}>{children}</dd>
    </div>
  )
}

/** Status, agent, model, duration, tokens and cost of a run. */
export function RunFacts({ run, agentName }: { run: Run; agentName: string | undefined }) {
  return (
    <dl className="grid grid-cols-2 gap-4 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6">
      <Fact label="Status">
        <RunStatusBadge status={run.status} />
      </Fact>
      <Fact label="Agent" truncate>
        <Link to={`/agents/${run.agent_id}`} className="font-medium text-accent-600 hover:underline">
          {agentName ?? `${run.agent_id.slice(0, 8)}…`}
        </Link>
      </Fact>
      <Fact label="Model">{run.model ?? '—'}</Fact>
      <Fact label="Duration">{run.status === 'running' && run.duration_ms === null ? 'running…' : formatDuration(run.duration_ms)}</Fact>
      <Fact label="Tokens in / out">
        <span className="tabular-nums">
          {formatTokens(run.input_tokens)} / {formatTokens(run.output_tokens)}
        </span>
      </Fact>
      <Fact label="Cost">
        <CostValue usd={run.cost_usd} source={run.cost_source} />
      </Fact>
      <Fact label="Started">
        <time dateTime={run.start_time}>{formatDateTime(run.start_time)}</time>
      </Fact>
      <Fact label="Ended">{run.end_time ? <time dateTime={run.end_time}>{formatDateTime(run.end_time)}</time> : '—'}</Fact>
      <Fact label="Cache read / write">
        <span className="tabular-nums">
          {formatTokens(run.cache_read_tokens)} / {formatTokens(run.cache_write_tokens)}
        </span>
      </Fact>
      <Fact label="Reasoning tokens">
        <span className="tabular-nums">{formatTokens(run.reasoning_tokens)}</span>
      </Fact>
      <Fact label="Tags">
        {run.tags.length ? (
          <span className="flex flex-wrap gap-1">
            {run.tags.map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
          </span>
        ) : (
          '—'
        )}
      </Fact>
      <Fact label="Run id" truncate>
        <code className="font-mono text-xs" title={run.id}>
          {run.id}
        </code>
      </Fact>
    </dl>
  )
}

export function RunError({ error }: { error: string }) {
  return (
    <div role="alert" className="flex gap-2.5 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-red-500" />
      <div className="min-w-0">
        <p className="font-medium">The run failed</p>
        <p className="mt-0.5 whitespace-pre-wrap break-words font-mono text-xs">{error}</p>
      </div>
    </div>
  )
}

/** Cost by kind of token, and where the price came from (which model's price, which version of the table). */
export function CostBreakdown({ run }: { run: Run }) {
  const rows = breakdownRows(run.cost_breakdown)
  const provenance = usageProvenance(run.cost_source, run.usage_unrecognized_keys)
  return (
    <section aria-labelledby="cost-breakdown" className="space-y-2 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <h2 id="cost-breakdown" className="text-sm font-semibold text-zinc-900">
        Cost
      </h2>
      <p className="text-xs text-zinc-500">
        {COST_SOURCE_TEXT[run.cost_source] ?? run.cost_source}
        {run.pricing_model && (
          <>
            {' · '}priced as <code className="font-mono">{run.pricing_model}</code>
          </>
        )}
        {run.pricing_version && (
          <>
            {' · '}price table <code className="font-mono">{run.pricing_version}</code>
          </>
        )}
      </p>
      {provenance && (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {provenance}
        </p>
      )}
      {rows.length ? (
        <Table label="Cost breakdown" className="shadow-none">
          <thead>
            <tr>
              <th className={thClasses}>Kind</th>
              <th className={cn(thClasses, 'text-right')}>Cost</th>
              <th className={cn(thClasses, 'text-right')}>Share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.kind}>
                <td className={tdClasses}>{row.label}</td>
                <td className={cn(tdClasses, 'text-right tabular-nums')}>{formatUsd(row.usd)}</td>
                <td className={cn(tdClasses, 'text-right tabular-nums text-zinc-500')}>{formatPercent(row.share)}</td>
              </tr>
            ))}
            <tr>
              <td className={cn(tdClasses, 'font-medium text-zinc-900')}>Total</td>
              <td className={cn(tdClasses, 'text-right font-medium tabular-nums text-zinc-900')}>{formatUsd(run.cost_usd)}</td>
              <td className={tdClasses} />
            </tr>
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-zinc-500">
          {run.cost_source === 'unpriced'
            ? 'No breakdown: the model has no known price.'
            : run.cost_source === 'usage_unrecognized'
              ? 'No breakdown: the token usage was not recognised.'
              : `Total ${formatUsd(run.cost_usd)}, no breakdown by kind.`}
        </p>
      )}
    </section>
  )
}

export function RunInputOutput({ run }: { run: Run }) {
  return (
    <section aria-label="Input and output" className="space-y-2 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <h2 className="text-sm font-semibold text-zinc-900">Input and output</h2>
      <JsonDisclosure label="Input" value={run.input} />
      <JsonDisclosure label="Output" value={run.output} />
      <JsonDisclosure label="Metadata" value={run.metadata} />
    </section>
  )
}

import { Link } from 'react-router'
import { ChartCard, ChartEmpty, ERROR_COLOR } from '@/components/charts/chart-card'
import { DonutChart } from '@/components/charts/donut-chart'
import { TimeSeriesChart } from '@/components/charts/time-series-chart'
import { buttonClasses } from '@/components/ui/button'
import { StatCard } from '@/components/ui/stat-card'
import type { AgentTrends as Trends } from '@/features/agents/api/get-agent-trends'
import type { PreparedAgentTrends } from '@/features/agents/lib/prepare-agent-trends'
import { formatCompact, formatDuration, formatPercent, formatTokens, formatUsd, formatUsdAxis } from '@/lib/format'
import { formatChange, formatPointChange, percentChange } from '@/lib/series'

function KpiCards({ kpis }: { kpis: Trends['kpis'] }) {
  const previous = kpis.previous ?? {}
  const runs = percentChange(kpis.runs, previous.runs)
  const cost = percentChange(kpis.cost_usd, previous.cost_usd)
  const trendOf = (change: ReturnType<typeof percentChange>) =>
    change.kind === 'change' ? (change.ratio > 0 ? 'up' : 'down') : change.kind === 'new' ? 'up' : 'flat'
  const errorDiff = (kpis.error_rate ?? 0) - (previous.error_rate ?? 0)
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <StatCard label="Runs" value={formatTokens(kpis.runs ?? 0)} change={kpis.previous && `${formatChange(runs)} vs previous period`} trend={trendOf(runs)} good={trendOf(runs) === 'up'} />
      <StatCard
        label="Error rate"
        value={kpis.runs ? formatPercent(kpis.error_rate ?? 0) : '—'}
        change={kpis.previous && `${formatPointChange(kpis.error_rate, previous.error_rate)} vs previous period`}
        trend={Math.abs(errorDiff) < 0.0005 ? 'flat' : errorDiff > 0 ? 'up' : 'down'}
        good={errorDiff < 0}
      />
      <StatCard label="Cost" value={formatUsd(kpis.cost_usd ?? 0)} change={kpis.previous && `${formatChange(cost)} vs previous period`} trend={trendOf(cost)} good={trendOf(cost) === 'down'} />
      <StatCard
        label="Latency p95"
        value={typeof kpis.latency_p95_ms === 'number' ? formatDuration(kpis.latency_p95_ms) : '—'}
        hint={typeof kpis.latency_p50_ms === 'number' ? `p50 ${formatDuration(kpis.latency_p50_ms)}` : undefined}
      />
    </div>
  )
}

/** The agent's trends: render only, from prepared rows. */
export function AgentTrendsView({ kpis, prepared }: { kpis: Trends['kpis']; prepared: PreparedAgentTrends }) {
  const { rows, bucket } = prepared
  const noRuns = prepared.totalRuns === 0
  const empty = <ChartEmpty message="No runs in this range. Send one with the SDK." action={<Link to="/agents/new" className={buttonClasses('secondary')}>How to send a run</Link>} />
  return (
    <div className="space-y-4">
      <KpiCards kpis={kpis} />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard title="Runs and errors" description="Runs started per bucket; errors are failed runs.">
          {noRuns ? (
            empty
          ) : (
            <TimeSeriesChart
              label="Runs and errors over time"
              data={rows}
              bucket={bucket}
              format={formatCompact}
              integer
              series={[
                { key: 'runs', label: 'Runs', color: '#4f46e5' },
                { key: 'errors', label: 'Errors', color: ERROR_COLOR },
              ]}
            />
          )}
        </ChartCard>
        <ChartCard title="Latency" description="p50 and p95 of run duration; gaps where no run finished.">
          {prepared.hasLatency ? (
            <TimeSeriesChart
              label="Latency p50 and p95 over time"
              data={rows}
              bucket={bucket}
              format={formatDuration}
              series={[
                { key: 'latency_p50_ms', label: 'p50', color: '#0ea5e9' },
                { key: 'latency_p95_ms', label: 'p95', color: '#8b5cf6' },
              ]}
            />
          ) : (
            <ChartEmpty message="No finished runs in this range, so no latency yet." />
          )}
        </ChartCard>
        <ChartCard title="Cost" description="Spend per bucket.">
          {noRuns ? empty : <TimeSeriesChart label="Cost over time" kind="bar" data={rows} bucket={bucket} format={formatUsd} axisFormat={formatUsdAxis} series={[{ key: 'cost_usd', label: 'Cost', color: '#10b981' }]} />}
        </ChartCard>
        <ChartCard title="Cost by model">
          {prepared.costByModel.length ? (
            <DonutChart label="Cost by model" data={prepared.costByModel} format={formatUsd} />
          ) : (
            <ChartEmpty message="No priced runs in this range." />
          )}
        </ChartCard>
      </div>
    </div>
  )
}

import { memo } from 'react'
import { Link } from 'react-router'
import { ChartCard, ChartEmpty, ERROR_COLOR } from '@/components/charts/chart-card'
import { DonutChart } from '@/components/charts/donut-chart'
import { DrawAfterPaint } from '@/components/charts/draw-after-paint'
import { RankedBarChart, rankedBarChartHeight } from '@/components/charts/ranked-bar-chart'
import { TimeSeriesChart } from '@/components/charts/time-series-chart'
import { buttonClasses } from '@/components/ui/button'
import { SegmentedControl } from '@/components/ui/segmented-control'
import { TOP_METRICS, type TopMetric } from '@/features/dashboard/lib/params'
import type { RunSeriesRow } from '@/features/dashboard/lib/prepare-home'
import { formatCompact, formatPercent, formatUsd, formatUsdAxis } from '@/lib/format'
import type { Bucket, Share } from '@/lib/series'

const sendRun = (
  <Link to="/agents/new" className={buttonClasses('secondary')}>
    Send a run with the SDK
  </Link>
)

const RUN_SERIES = [
  { key: 'runs', label: 'Runs', color: '#4f46e5' },
  { key: 'errors', label: 'Errors', color: ERROR_COLOR },
]

// The charts are memoized: the dashboard re-renders when the live stream connects or drops (its polling depends on
// it), and redrawing unchanged recharts charts then took a main-thread task of 100–300 ms.

export const RunsOverTime = memo(function RunsOverTime({ rows, bucket, empty }: { rows: RunSeriesRow[]; bucket: Bucket; empty: boolean }) {
  return (
    <ChartCard title="Runs over time" description="Runs started per bucket; errors are failed runs.">
      {empty ? (
        <ChartEmpty message="No runs in this range." action={sendRun} />
      ) : (
        <TimeSeriesChart
          label="Runs and errors over time"
          data={rows}
          bucket={bucket}
          format={formatCompact}
          integer
          series={RUN_SERIES}
        />
      )}
    </ChartCard>
  )
})

const METRIC_FORMAT: Record<TopMetric, (value: number) => string> = {
  runs: formatCompact,
  error_rate: (value) => formatPercent(value),
  cost_usd: formatUsd,
}

export const TopAgents = memo(function TopAgents({
  data,
  metric,
  onMetric,
}: {
  data: Array<{ id: string; label: string; value: number }>
  metric: TopMetric
  onMetric: (metric: TopMetric) => void
}) {
  const label = TOP_METRICS.find((m) => m.value === metric)!.label
  return (
    <ChartCard
      title="Top agents"
      description={`By ${label.toLowerCase()} in this range.`}
      actions={<SegmentedControl label="Rank top agents by" options={TOP_METRICS} value={metric} onChange={onMetric} />}
    >
      {data.length ? (
        <>
          {/* below the runs chart, which the dashboard's first paint is for */}
          <DrawAfterPaint height={rankedBarChartHeight(data.length)}>
            <RankedBarChart
              label={`Top agents by ${label.toLowerCase()}`}
              data={data}
              format={METRIC_FORMAT[metric]}
              axisFormat={metric === 'cost_usd' ? formatUsdAxis : METRIC_FORMAT[metric]}
              integer={metric === 'runs'}
              valueLabel={label}
              color={metric === 'error_rate' ? ERROR_COLOR : '#4f46e5'}
            />
          </DrawAfterPaint>
          <ul className="sr-only">
            {data.map((agent) => (
              <li key={agent.id}>
                {agent.label}: {METRIC_FORMAT[metric](agent.value)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ChartEmpty message={metric === 'error_rate' ? 'No agent ran in this range.' : 'No agent activity in this range.'} />
      )}
    </ChartCard>
  )
})

export const CostPie = memo(function CostPie({ title, shares }: { title: string; shares: Share[] }) {
  return (
    <ChartCard title={title}>
      {shares.length ? (
        // below the fold: drawn after the dashboard's first paint
        <DrawAfterPaint height={160}>
          <DonutChart label={title} data={shares} format={formatUsd} />
        </DrawAfterPaint>
      ) : (
        <ChartEmpty message="No spend in this range." height={160} />
      )}
    </ChartCard>
  )
})

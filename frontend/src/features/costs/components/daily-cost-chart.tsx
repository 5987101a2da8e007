import { useMemo } from 'react'
import { ChartCard, ChartEmpty } from '@/components/charts/chart-card'
import { TimeSeriesChart } from '@/components/charts/time-series-chart'
import type { CostSummary } from '@/features/costs/api/get-costs'
import { prepareDailyCost } from '@/features/costs/lib/costs'
import { formatCompact, formatUsd } from '@/lib/format'

const SERIES = [{ key: 'cost', label: 'Cost', color: '#4f46e5' }] as const

/** Spend per calendar day of the organization's zone, every day of the range shown. */
export function DailyCostChart({ byDay, range, title = 'Daily spend' }: { byDay: CostSummary['by_day']; range: CostSummary['range']; title?: string }) {
  const rows = useMemo(() => prepareDailyCost(byDay, range).map(({ bucket, cost, runs }) => ({ bucket, cost, runs })), [byDay, range])
  return (
    <ChartCard title={title} description={`Calendar days in ${range.timezone}.`}>
      {byDay.length === 0 ? (
        <ChartEmpty message="No runs in this range." />
      ) : (
        <TimeSeriesChart
          data={rows}
          series={SERIES}
          bucket="day"
          kind="bar"
          format={formatUsd}
          axisFormat={(value) => `$${formatCompact(value)}`}
          label={`${title}, ${rows.length} days`}
        />
      )}
    </ChartCard>
  )
}

import { RotateCw } from 'lucide-react'
import { useSearchParams } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { Button } from '@/components/ui/button'
import { QueryError } from '@/components/ui/query-error'
import { Section } from '@/components/ui/section'
import { Spinner } from '@/components/ui/spinner'
import { StatCard } from '@/components/ui/stat-card'
import { BudgetStatusList } from '@/features/budgets/components/budget-status-list'
import type { Budget } from '@/features/budgets/api/budgets'
import { useCostSummary } from '@/features/costs/api/get-costs'
import { CostRangePicker } from '@/features/costs/components/cost-range-picker'
import { AgentCostTable, ModelCostTable, TeamCostTable } from '@/features/costs/components/cost-tables'
import { DailyCostChart } from '@/features/costs/components/daily-cost-chart'
import { ExportCsv } from '@/features/costs/components/export-csv'
import { UnpricedNotice } from '@/features/costs/components/unpriced-notice'
import { costRangeOf, costRangeSearch, shownDaysOf } from '@/features/costs/lib/costs'
import { formatTokens, formatUsd } from '@/lib/format'

export default function CostsRoute() {
  const [search, setSearch] = useSearchParams()
  const range = costRangeOf(search)
  const summary = useCostSummary(range)
  const data = summary.data
  const shownDays = data ? shownDaysOf(data.range) : undefined
  return (
    <ContentLayout
      title="Costs"
      description={data ? `Spend by agent, team, model and day · days in ${data.range.timezone}.` : 'Spend by agent, team, model and day.'}
      actions={
        <>
          <Button variant="ghost" aria-label="Refresh" onClick={() => void summary.refetch()} disabled={summary.isFetching}>
            <RotateCw aria-hidden className="size-4" />
          </Button>
          {data && <ExportCsv range={data.range} />}
        </>
      }
    >
      <div className="space-y-6">
        <CostRangePicker key={JSON.stringify(range) + (shownDays?.from ?? '')} range={range} shownDays={shownDays} onChange={(next) => setSearch(costRangeSearch(next), { replace: true })} />
        {summary.isPending ? (
          <Spinner label="Loading the costs" />
        ) : summary.isError ? (
          <QueryError error={summary.error} onRetry={() => void summary.refetch()} title="Could not load the costs" />
        ) : (
          <>
            <UnpricedNotice unpriced={summary.data.total.unpriced_runs} />
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <StatCard label="Total spend" value={formatUsd(summary.data.total.cost_usd)} hint={summary.data.total.unpriced_runs > 0 ? 'without the unpriced runs' : undefined} />
              <StatCard label="Runs" value={formatTokens(summary.data.total.runs)} />
              <StatCard label="Input tokens" value={formatTokens(summary.data.total.input_tokens)} />
              <StatCard label="Output tokens" value={formatTokens(summary.data.total.output_tokens)} />
            </div>
            <DailyCostChart byDay={summary.data.by_day} range={summary.data.range} />
            <Section title="Budgets" description="Where each budget stands in its current period.">
              <BudgetStatusList budgets={summary.data.budgets as Budget[]} agentName={(id) => summary.data.by_agent.find((a) => a.agent_id === id)?.name} empty="No budgets yet." />
            </Section>
            <Section title="By agent">
              <AgentCostTable rows={summary.data.by_agent} />
            </Section>
            <Section title="By team" description="Open a team to see its agents and models.">
              <TeamCostTable rows={summary.data.by_team} range={summary.data.range} />
            </Section>
            <Section title="By model">
              <ModelCostTable rows={summary.data.by_model} />
            </Section>
          </>
        )}
      </div>
    </ContentLayout>
  )
}

import { useSearchParams, useParams } from 'react-router'
import { QueryError } from '@/components/ui/query-error'
import { Section } from '@/components/ui/section'
import { Spinner } from '@/components/ui/spinner'
import { StatCard } from '@/components/ui/stat-card'
import { AgentPage } from '@/features/agents/components/agent-page'
import { useBudgets } from '@/features/budgets/api/budgets'
import { BudgetStatusList } from '@/features/budgets/components/budget-status-list'
import { budgetsCovering } from '@/features/budgets/lib/budgets'
import { useAgentCosts } from '@/features/costs/api/get-costs'
import { CostRangePicker } from '@/features/costs/components/cost-range-picker'
import { ModelCostTable } from '@/features/costs/components/cost-tables'
import { DailyCostChart } from '@/features/costs/components/daily-cost-chart'
import { UnpricedNotice } from '@/features/costs/components/unpriced-notice'
import { costRangeOf, costRangeSearch, shownDaysOf } from '@/features/costs/lib/costs'
import { formatTokens, formatUsd } from '@/lib/format'

function AgentCosts({ agent }: { agent: { id: string; name: string; team: string | null } }) {
  const [search, setSearch] = useSearchParams()
  const range = costRangeOf(search)
  const costs = useAgentCosts(agent.id, range)
  const budgets = useBudgets()
  const covering = budgetsCovering(budgets.data ?? [], agent)
  const shownDays = costs.data ? shownDaysOf(costs.data.range) : undefined
  return (
    <div className="space-y-6">
      <CostRangePicker key={JSON.stringify(range) + (shownDays?.from ?? '')} range={range} shownDays={shownDays} onChange={(next) => setSearch(costRangeSearch(next), { replace: true })} />
      {costs.isPending ? (
        <Spinner label="Loading the costs" />
      ) : costs.isError ? (
        <QueryError error={costs.error} onRetry={() => void costs.refetch()} title="Could not load the costs" />
      ) : (
        <>
          <UnpricedNotice unpriced={costs.data.total.unpriced_runs} />
          <div className="grid gap-4 sm:grid-cols-3">
            <StatCard label="Spend" value={formatUsd(costs.data.total.cost_usd)} />
            <StatCard label="Runs" value={formatTokens(costs.data.total.runs)} />
            <StatCard label="Tokens in / out" value={`${formatTokens(costs.data.total.input_tokens)} / ${formatTokens(costs.data.total.output_tokens)}`} />
          </div>
          <DailyCostChart byDay={costs.data.by_day} range={costs.data.range} />
          <Section title="By model">
            <ModelCostTable rows={costs.data.by_model} />
          </Section>
        </>
      )}
      <Section title="Budgets covering this agent" description="The organization's budgets, its team's and its own.">
        {budgets.isPending ? (
          <Spinner label="Loading the budgets" />
        ) : budgets.isError ? (
          <QueryError error={budgets.error} onRetry={() => void budgets.refetch()} title="Could not load the budgets" />
        ) : (
          <BudgetStatusList budgets={covering} agentName={(id) => (id === agent.id ? agent.name : undefined)} empty="No budget covers this agent." />
        )}
      </Section>
    </div>
  )
}

export default function AgentCostsRoute() {
  const { agentId = '' } = useParams()
  return (
    <AgentPage agentId={agentId} section="Costs">
      {(agent) => <AgentCosts agent={{ id: agent.id, name: agent.name, team: agent.team }} />}
    </AgentPage>
  )
}

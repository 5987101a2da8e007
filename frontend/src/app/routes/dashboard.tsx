import { Activity } from 'lucide-react'
import { useCallback, useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { PagePrefetch } from '@/app/router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { Spinner } from '@/components/ui/spinner'
import { useBudgets } from '@/features/budgets/api/budgets'
import { BudgetAttention } from '@/features/budgets/components/budget-attention'
import { useControlStatus } from '@/features/controls/api/get-control-status'
import { agentHealthQueryOptions, useAgentHealth } from '@/features/dashboard/api/get-agent-health'
import { homeDashboardQueryOptions, useHomeDashboard } from '@/features/dashboard/api/get-home-dashboard'
import { AgentHealthCard } from '@/features/dashboard/components/agent-health-card'
import { AttentionList } from '@/features/dashboard/components/attention-list'
import { CostPie, RunsOverTime, TopAgents } from '@/features/dashboard/components/dashboard-charts'
import { DashboardFilters } from '@/features/dashboard/components/dashboard-filters'
import { KpiCards } from '@/features/dashboard/components/kpi-cards'
import { type DashboardParams, dashboardParamsOf, dashboardSearch } from '@/features/dashboard/lib/params'
import { prepareAttention, prepareCostShares, prepareKpis, prepareRunSeries, prepareTopAgents } from '@/features/dashboard/lib/prepare-home'
import { session } from '@/lib/http'
import { useLiveState } from '@/lib/live-updates'
import { timeRangeLabel } from '@/lib/time-range'

/** Without the live stream, the dashboard refreshes itself this often. */
const POLL_MS = 60_000

/** Budgets at 80 % or more and agents a budget paused; nothing while either is loading or failed (the card is extra). */
function BudgetsNeedingAttention() {
  const budgets = useBudgets()
  const controls = useControlStatus()
  if (!budgets.data) return null
  return <BudgetAttention budgets={budgets.data} paused={controls.data?.paused_agents ?? []} />
}

function Dashboard({ params, onChange }: { params: DashboardParams; onChange: (params: DashboardParams) => void }) {
  const live = useLiveState() === 'live'
  const home = useHomeDashboard(params, { pollMs: live ? undefined : POLL_MS })
  const agents = useAgentHealth()
  const names = useMemo(() => new Map((agents.data?.agents ?? []).map((agent) => [agent.id, agent.name])), [agents.data])
  // the agents' names arrive on their own: only the attention list waits for them, the charts keep their data
  const prepared = useMemo(() => {
    if (!home.data) return null
    return {
      kpis: prepareKpis(home.data.kpis, timeRangeLabel(params.range)),
      series: prepareRunSeries(home.data),
      top: prepareTopAgents(home.data.top_agents, params.top),
      costs: prepareCostShares(home.data),
    }
  }, [home.data, params.range, params.top])
  const attention = useMemo(() => (home.data ? prepareAttention(home.data.attention, names) : []), [home.data, names])
  const onMetric = useCallback((top: DashboardParams['top']) => onChange({ ...params, top }), [onChange, params])

  const filters = <DashboardFilters params={params} agents={agents.data?.agents} onChange={onChange} />
  if (home.isPending) {
    return (
      <div className="space-y-4">
        {filters}
        <Spinner label="Loading the dashboard" />
      </div>
    )
  }
  if (home.isError) {
    return (
      <div className="space-y-4">
        {filters}
        <QueryError error={home.error} onRetry={() => void home.refetch()} title="Could not load the dashboard" />
        <AgentHealthCard />
      </div>
    )
  }
  const { kpis } = home.data
  const filtered = Boolean(params.agent_id || params.status)
  if (!filtered && kpis.runs === 0 && !kpis.previous?.runs) {
    return (
      <div className="space-y-4">
        {filters}
        <EmptyState
          icon={<Activity aria-hidden className="size-5" />}
          title="No runs yet — send one with the SDK"
          description={`No agent reported a run in the last ${timeRangeLabel(params.range)}. Register an agent and paste the snippet it gives you: the run shows up here within seconds.`}
          action={
            <Link to="/agents/new" className={buttonClasses('primary')}>
              Send your first run
            </Link>
          }
        />
        <div className="grid gap-4 md:grid-cols-2">
          <AgentHealthCard />
          <AttentionList items={attention} />
          <BudgetsNeedingAttention />
        </div>
      </div>
    )
  }
  const p = prepared!
  return (
    <div className="space-y-4">
      {filters}
      <KpiCards cards={p.kpis} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <RunsOverTime rows={p.series.rows} bucket={p.series.bucket} empty={kpis.runs === 0} />
        </div>
        <div className="grid min-w-0 content-start gap-4">
          <AgentHealthCard />
          <AttentionList items={attention} />
          <BudgetsNeedingAttention />
        </div>
      </div>
      <TopAgents data={p.top} metric={params.top} onMetric={onMetric} />
      <div className="grid gap-4 lg:grid-cols-2">
        <CostPie title="Cost by model" shares={p.costs.byModel} />
        <CostPie title="Cost by agent" shares={p.costs.byAgent} />
      </div>
    </div>
  )
}

/** Only with a session to renew: a signed-out visitor is sent to /login, and their requests would only be refused. */
export const prefetch: PagePrefetch = (queryClient, url) => {
  if (!session.refreshToken) return
  void queryClient.prefetchQuery(homeDashboardQueryOptions(dashboardParamsOf(url.searchParams)))
  void queryClient.prefetchQuery(agentHealthQueryOptions())
}

export default function DashboardRoute() {
  const [search, setSearch] = useSearchParams()
  const params = dashboardParamsOf(search)
  return (
    <ContentLayout title="Dashboard" description="How your agents are doing.">
      <Dashboard params={params} onChange={(next) => setSearch(dashboardSearch(next), { replace: true })} />
    </ContentLayout>
  )
}

import { Plus } from 'lucide-react'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { ButtonWithHint } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { Spinner } from '@/components/ui/spinner'
import { useAgentChoices, useBudgets } from '@/features/budgets/api/budgets'
import { BudgetDialog } from '@/features/budgets/components/budget-dialog'
import { BudgetsList } from '@/features/budgets/components/budgets-list'
import { useControlStatus } from '@/features/controls/api/get-control-status'
import { useCan, whoCan } from '@/lib/authorization'

export default function BudgetsRoute() {
  const [params] = useSearchParams()
  const budgets = useBudgets()
  const agents = useAgentChoices()
  const controls = useControlStatus()
  const canManage = useCan('budgets:manage')
  const [creating, setCreating] = useState(false)
  const newButton = (
    <ButtonWithHint hint={canManage ? null : whoCan('budgets:manage')} onClick={() => setCreating(true)}>
      <Plus aria-hidden className="size-4" /> New budget
    </ButtonWithHint>
  )
  return (
    <ContentLayout title="Budgets" description="Spending limits for the organization, teams and agents." actions={newButton}>
      {budgets.isPending ? (
        <Spinner label="Loading the budgets" />
      ) : budgets.isError ? (
        <QueryError error={budgets.error} onRetry={() => void budgets.refetch()} title="Could not load the budgets" />
      ) : budgets.data.length === 0 ? (
        <EmptyState
          icon={<NavIcon name="budgets" className="size-5" />}
          title="No budgets yet"
          description="A budget alerts at 50, 80 and 100 % of its limit (or the percents you pick) and can pause the agents it covers."
          action={newButton}
        />
      ) : (
        <BudgetsList budgets={budgets.data} agents={agents.data ?? []} paused={controls.data?.paused_agents ?? []} highlight={params.get('budget')} />
      )}
      <BudgetDialog open={creating} agents={agents.data ?? []} onClose={() => setCreating(false)} />
    </ContentLayout>
  )
}

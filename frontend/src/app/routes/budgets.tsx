import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function BudgetsRoute() {
  return (
    <ContentLayout title="Budgets" description="Spending limits for the organization, teams and agents.">
      <EmptyState
        icon={<NavIcon name="budgets" className="size-5" />}
        title="No budgets yet"
        description="Budgets with alerts at 50, 80 and 100 percent, and an automatic pause, will be managed here."
      />
    </ContentLayout>
  )
}

import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function DashboardRoute() {
  return (
    <ContentLayout title="Dashboard" description="How your agents are doing.">
      <EmptyState
        icon={<NavIcon name="dashboard" className="size-5" />}
        title="No runs yet"
        description="Runs, error rate, spend and latency of your agents over time will show here once an agent sends its first run with the SDK."
      />
    </ContentLayout>
  )
}

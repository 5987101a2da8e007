import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function RunsRoute() {
  return (
    <ContentLayout title="Runs" description="Every run your agents report.">
      <EmptyState
        icon={<NavIcon name="runs" className="size-5" />}
        title="No runs yet"
        description="Runs sent through the SDK or the ingest API will be listed here, filterable by agent, status and time."
      />
    </ContentLayout>
  )
}

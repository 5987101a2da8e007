import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function ControlsRoute() {
  return (
    <ContentLayout title="Controls" description="Pause agents or stop everything at once.">
      <EmptyState
        icon={<NavIcon name="controls" className="size-5" />}
        title="Controls come here"
        description="Pause and resume single agents, or stop every agent of the organization with the kill switch."
      />
    </ContentLayout>
  )
}

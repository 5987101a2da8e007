import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function ApprovalsRoute() {
  return (
    <ContentLayout title="Approvals" description="Agent actions waiting for a human decision.">
      <EmptyState
        icon={<NavIcon name="approvals" className="size-5" />}
        title="Nothing to approve"
        description="Actions that a policy holds for approval will queue here for you to approve or reject."
      />
    </ContentLayout>
  )
}

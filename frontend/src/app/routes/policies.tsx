import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function PoliciesRoute() {
  return (
    <ContentLayout title="Policies" description="Rules that allow, block or hold agent actions.">
      <EmptyState
        icon={<NavIcon name="policies" className="size-5" />}
        title="No policies yet"
        description="Rules that allow, block or require approval for agent actions will be managed here."
      />
    </ContentLayout>
  )
}

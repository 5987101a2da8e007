import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function AgentsRoute() {
  return (
    <ContentLayout title="Agents" description="Every agent registered in this organization.">
      <EmptyState
        icon={<NavIcon name="agents" className="size-5" />}
        title="No agents yet"
        description="Agents you register, with their owner, status and spend, will be listed here."
      />
    </ContentLayout>
  )
}

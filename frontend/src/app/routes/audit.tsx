import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function AuditRoute() {
  return (
    <ContentLayout title="Audit log" description="Who did what, and when.">
      <EmptyState
        icon={<NavIcon name="audit" className="size-5" />}
        title="No entries yet"
        description="Every change and control action in this organization will be recorded here."
      />
    </ContentLayout>
  )
}

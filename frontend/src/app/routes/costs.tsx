import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function CostsRoute() {
  return (
    <ContentLayout title="Costs" description="Spend by agent, model and day.">
      <EmptyState
        icon={<NavIcon name="costs" className="size-5" />}
        title="No spend yet"
        description="Spend broken down by agent, model and day, with CSV export, will show here."
      />
    </ContentLayout>
  )
}

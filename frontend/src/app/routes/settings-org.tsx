import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function SettingsOrgRoute() {
  return (
    <ContentLayout title="Settings" description="Organization, members and API keys.">
      <EmptyState
        icon={<NavIcon name="settings" className="size-5" />}
        title="Settings come here"
        description="The organization's name, its members and their roles, and API keys will be managed here."
      />
    </ContentLayout>
  )
}

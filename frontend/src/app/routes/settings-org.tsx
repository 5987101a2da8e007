import { NoAccess, Section } from '@/components/ui/section'
import { QueryError } from '@/components/ui/query-error'
import { Spinner } from '@/components/ui/spinner'
import { useOrgProfile } from '@/features/settings/api/get-org-profile'
import { OrgProfileForm } from '@/features/settings/components/org-profile-form'
import { useCan } from '@/lib/authorization'

function OrgProfile() {
  const profile = useOrgProfile()
  if (profile.isPending) return <Spinner label="Loading the organization" />
  if (profile.isError) return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
  const { id, name, plan, logo_url, timezone } = profile.data
  // keyed by the saved version: after a save the form starts over from what the server has
  return <OrgProfileForm key={`${id}:${name}:${plan}:${logo_url}:${timezone}`} organization={profile.data} />
}

export default function SettingsOrgRoute() {
  return (
    <Section title="Organization" description="Name, logo, time zone and plan of your organization.">
      {useCan('org:read') ? <OrgProfile /> : <NoAccess what="the organization's settings" />}
    </Section>
  )
}

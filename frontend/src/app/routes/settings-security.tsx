import { Section } from '@/components/ui/section'
import { TwoFactor } from '@/features/settings/components/two-factor'
import { useMe } from '@/lib/auth'

export default function SettingsSecurityRoute() {
  const { user } = useMe()
  return (
    <Section title="Two-factor authentication" description={`Sign-in protection for ${user.email}.`}>
      <TwoFactor user={user} />
    </Section>
  )
}

import { useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { linkClasses, PublicLayout } from '@/components/layouts/public-layout'
import { buttonClasses } from '@/components/ui/button'
import { FormError } from '@/components/ui/form'
import { Spinner } from '@/components/ui/spinner'
import { useInvitation } from '@/features/auth/api/get-invitation'
import { AcceptInviteForm } from '@/features/auth/components/accept-invite-form'
import { ROLE_LABELS, useAuth } from '@/lib/auth'
import { isApiError } from '@/lib/http'
import { HOME_PATH } from '@/lib/redirect'

export default function AcceptInviteRoute() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const { signIn } = useAuth()
  const token = params.get('token') ?? ''
  const [accepted, setAccepted] = useState(false)
  const invitation = useInvitation(token, { enabled: !accepted })
  const footer = (
    <Link to="/login" className={linkClasses}>
      Already a member? Sign in
    </Link>
  )

  if (!token || isApiError(invitation.error, 'not_found')) {
    return (
      <PublicLayout title="Invitation not found" footer={footer}>
        <div className="space-y-4">
          <p className="text-sm text-zinc-600">
            This invitation link is invalid, was already used, or has expired. Ask an admin of your organization for a new one.
          </p>
          <Link to="/login" className={buttonClasses('secondary', 'w-full')}>
            Go to sign in
          </Link>
        </div>
      </PublicLayout>
    )
  }
  if (invitation.isPending) {
    return (
      <PublicLayout title="Join your team">
        <div className="flex justify-center py-6">
          <Spinner label="Loading the invitation" />
        </div>
      </PublicLayout>
    )
  }
  if (invitation.isError) {
    return (
      <PublicLayout title="Join your team" footer={footer}>
        <FormError error={invitation.error} />
        <button type="button" onClick={() => void invitation.refetch()} className={buttonClasses('secondary', 'mt-4 w-full')}>
          Try again
        </button>
      </PublicLayout>
    )
  }
  const { organization_name, role } = invitation.data
  return (
    <PublicLayout
      title={`Join ${organization_name}`}
      description={
        <>
          You were invited as <strong className="font-medium text-zinc-700">{ROLE_LABELS[role] ?? role}</strong>. Choose
          your name and a password to finish.
        </>
      }
      footer={footer}
    >
      <AcceptInviteForm token={token} invitation={invitation.data} onAccepted={async (result) => {
          // the token is used up now: the invitation must not be fetched again (404)
          setAccepted(true)
          await signIn(result)
          navigate(HOME_PATH, { replace: true })
        }} />
    </PublicLayout>
  )
}

import { Link, useSearchParams } from 'react-router'
import { linkClasses, PublicLayout } from '@/components/layouts/public-layout'
import { ResetConfirmForm } from '@/features/auth/components/reset-confirm-form'
import { ResetRequestForm } from '@/features/auth/components/reset-request-form'

/** Without a token: ask for a link. With ?token= (the link in the e-mail): set a new password. */
export default function ResetPasswordRoute() {
  const [params] = useSearchParams()
  const token = params.get('token')
  const footer = (
    <Link to="/login" className={linkClasses}>
      Back to sign in
    </Link>
  )
  return token ? (
    <PublicLayout title="Set a new password" footer={footer}>
      <ResetConfirmForm token={token} />
    </PublicLayout>
  ) : (
    <PublicLayout title="Reset your password" description="Enter your e-mail and we will send you a link to set a new password." footer={footer}>
      <ResetRequestForm />
    </PublicLayout>
  )
}

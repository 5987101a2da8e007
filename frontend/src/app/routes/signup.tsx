import { Link, Navigate } from 'react-router'
import { linkClasses, PublicLayout } from '@/components/layouts/public-layout'
import { SignupForm } from '@/features/auth/components/signup-form'
import { useAuth } from '@/lib/auth'
import { HOME_PATH } from '@/lib/redirect'

export default function SignupRoute() {
  if (useAuth().status === 'signed_in') return <Navigate to={HOME_PATH} replace />
  return (
    <PublicLayout
      title="Create your organization"
      description="You will be its admin and can invite your team afterwards."
      footer={
        <>
          Already have an account?{' '}
          <Link to="/login" className={linkClasses}>
            Sign in
          </Link>
        </>
      }
    >
      <SignupForm />
    </PublicLayout>
  )
}

import { Link, Navigate, useSearchParams } from 'react-router'
import { linkClasses, PublicLayout } from '@/components/layouts/public-layout'
import { LoginForm } from '@/features/auth/components/login-form'
import { useAuth } from '@/lib/auth'
import { safeNext } from '@/lib/redirect'

export default function LoginRoute() {
  const { status, endedBy } = useAuth()
  const [params] = useSearchParams()
  if (status === 'signed_in') return <Navigate to={safeNext(params.get('next'))} replace />
  return (
    <PublicLayout
      title="Sign in"
      description={endedBy === 'expired' ? 'Your session has ended. Sign in again to continue.' : 'Welcome back.'}
      footer={
        <>
          New here?{' '}
          <Link to="/signup" className={linkClasses}>
            Create an organization
          </Link>
        </>
      }
    >
      <LoginForm />
    </PublicLayout>
  )
}

import { useEffect, useRef } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { linkClasses, PublicLayout } from '@/components/layouts/public-layout'
import { buttonClasses } from '@/components/ui/button'
import { FormError } from '@/components/ui/form'
import { Spinner } from '@/components/ui/spinner'
import { useConfirmSignup } from '@/features/auth/api/confirm-signup'
import { useAuth } from '@/lib/auth'
import { isApiError } from '@/lib/http'
import { HOME_PATH } from '@/lib/redirect'

/** The link of the signup e-mail: creates the organization, signs in and goes on like signup did. */
export default function SignupConfirmRoute() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const { signIn } = useAuth()
  const token = params.get('token') ?? ''
  const mutation = useConfirmSignup({
    onSuccess: async (result) => {
      await signIn(result)
      navigate(HOME_PATH, { replace: true })
    },
  })
  // a link works once: confirm once per page, also when development mode runs effects twice
  const sent = useRef(false)
  const { mutate } = mutation
  useEffect(() => {
    if (!token || sent.current) return
    sent.current = true
    mutate(token)
  }, [token, mutate])

  const footer = (
    <Link to="/login" className={linkClasses}>
      Already have an account? Sign in
    </Link>
  )

  if (!token || isApiError(mutation.error, 'invalid_token')) {
    return (
      <PublicLayout title="Signup link not valid" footer={footer}>
        <div className="space-y-4">
          <p className="text-sm text-zinc-600">
            This link is invalid, was already used, or has expired (links work once, for 24 hours). If you already opened
            it, your organization exists: sign in. Otherwise sign up again.
          </p>
          <Link to="/login" className={buttonClasses('primary', 'w-full')}>
            Go to sign in
          </Link>
          <Link to="/signup" className={buttonClasses('secondary', 'w-full')}>
            Sign up again
          </Link>
        </div>
      </PublicLayout>
    )
  }
  if (mutation.isError) {
    return (
      <PublicLayout title="Create your organization" footer={footer}>
        <FormError error={mutation.error} />
        <button type="button" onClick={() => mutate(token)} className={buttonClasses('secondary', 'mt-4 w-full')}>
          Try again
        </button>
      </PublicLayout>
    )
  }
  return (
    <PublicLayout title="Create your organization">
      <div className="flex justify-center py-6">
        <Spinner label="Creating your organization" />
      </div>
    </PublicLayout>
  )
}

import { useRef, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { FormError, TextField } from '@/components/ui/form'
import { mfaChallengeOf, useLogin } from '@/features/auth/api/login'
import { useVerifyMfa } from '@/features/auth/api/verify-mfa'
import { mfaCodeProblem, normalizeMfaCode, validateLogin, type LoginField } from '@/features/auth/lib/validate'
import { useAuth } from '@/lib/auth'
import { type FieldErrors, focusFirstInvalid, hasErrors, useCountdown } from '@/lib/forms'
import { fieldErrorsOf, isApiError } from '@/lib/http'

/** When a 429 lets the user try again (a timestamp), from its Retry-After. */
function retryUntilOf(error: unknown): number | null {
  return isApiError(error, 'rate_limited') ? Date.now() + (error.retryAfter ?? 30) * 1_000 : null
}

function RateLimited({ seconds }: { seconds: number }) {
  return (
    <FormError>
      <p>Too many attempts. Try again in {seconds} s.</p>
    </FormError>
  )
}

/**
 * E-mail and password; when the account has 2FA, a second step asks for the authenticator code (or a recovery
 * code). Signing in succeeds once /auth/me has answered; the page then leaves for `next`.
 */
export function LoginForm() {
  const { signIn } = useAuth()
  const [challenge, setChallenge] = useState<string | null>(null)
  const [email, setEmail] = useState('')

  return challenge ? (
    <MfaStep
      challenge={challenge}
      onRestart={() => setChallenge(null)}
      onVerified={(result) => signIn(result)}
    />
  ) : (
    <PasswordStep email={email} onEmailChange={setEmail} onChallenge={setChallenge} onSignedIn={(result) => signIn(result)} />
  )
}

type SignIn = Parameters<ReturnType<typeof useAuth>['signIn']>[0]

function PasswordStep({
  email,
  onEmailChange,
  onChallenge,
  onSignedIn,
}: {
  email: string
  onEmailChange: (email: string) => void
  onChallenge: (challenge: string) => void
  onSignedIn: (result: SignIn) => Promise<unknown>
}) {
  const formRef = useRef<HTMLFormElement>(null)
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors<LoginField>>({})
  const [retryUntil, setRetryUntil] = useState<number | null>(null)
  const wait = useCountdown(retryUntil)
  const mutation = useLogin({
    onSuccess: (result) => onSignedIn(result),
    onError: (error) => {
      const challenge = mfaChallengeOf(error)
      if (challenge) return onChallenge(challenge)
      setRetryUntil(retryUntilOf(error))
      setErrors(fieldErrorsOf(error, ['email', 'password']).fields)
    },
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateLogin({ email, password })
    setErrors(found)
    if (hasErrors(found)) return focusFirstInvalid(formRef.current)
    mutation.mutate({ email: email.trim(), password })
  }

  const error = mutation.error && !mfaChallengeOf(mutation.error) ? mutation.error : null
  const rateLimited = isApiError(error, 'rate_limited')
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      {rateLimited ? wait > 0 ? <RateLimited seconds={wait} /> : null : <FormError error={error} />}
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="username"
        autoFocus
        value={email}
        onChange={(event) => onEmailChange(event.target.value)}
        error={errors.email}
      />
      <TextField
        label="Password"
        labelAside={
          <Link to="/reset-password" className="text-xs font-medium text-accent-600 hover:underline">
            Forgot your password?
          </Link>
        }
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <Button type="submit" className="w-full" disabled={mutation.isPending || wait > 0}>
        {mutation.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}

function MfaStep({
  challenge,
  onRestart,
  onVerified,
}: {
  challenge: string
  onRestart: () => void
  onVerified: (result: SignIn) => Promise<unknown>
}) {
  const formRef = useRef<HTMLFormElement>(null)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | undefined>()
  const [retryUntil, setRetryUntil] = useState<number | null>(null)
  const wait = useCountdown(retryUntil)
  const mutation = useVerifyMfa({
    onSuccess: (result) => onVerified(result),
    onError: (error) => {
      setRetryUntil(retryUntilOf(error))
      setCodeError(fieldErrorsOf(error, ['code']).fields.code)
    },
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = mfaCodeProblem(code)
    setCodeError(problem)
    if (problem) return focusFirstInvalid(formRef.current)
    mutation.mutate({ challenge, code: normalizeMfaCode(code) })
  }

  const rateLimited = isApiError(mutation.error, 'rate_limited')
  // the challenge itself is gone (expired or used up): only starting over helps
  const challengeDead = isApiError(mutation.error) && ['invalid_challenge', 'challenge_expired', 'invalid_token'].includes(mutation.error.code)
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      <p className="text-sm text-zinc-600">
        This account uses two-factor authentication. Enter the 6-digit code from your authenticator app, or one of your
        recovery codes.
      </p>
      {rateLimited ? wait > 0 ? <RateLimited seconds={wait} /> : null : <FormError error={mutation.error} />}
      <TextField
        label="Authentication code"
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="off"
        spellCheck={false}
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={codeError}
        className="font-mono tracking-wider"
      />
      <Button type="submit" className="w-full" disabled={mutation.isPending || wait > 0 || challengeDead}>
        {mutation.isPending ? 'Verifying…' : 'Verify'}
      </Button>
      <button type="button" onClick={onRestart} className="w-full text-center text-sm font-medium text-accent-600 hover:underline">
        Start over
      </button>
    </form>
  )
}

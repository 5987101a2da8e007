import { useMutation } from '@tanstack/react-query'
import type { SignInResult } from '@/lib/auth'
import { type Envelope, http, isApiError } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type LoginInput = { email: string; password: string }

/** POST /auth/login. With 2FA on, it fails with 401 `mfa_required` and a challenge (see mfaChallengeOf). */
export const login = (input: LoginInput): Promise<SignInResult> =>
  http.post<Envelope<SignInResult>>('/api/v1/auth/login', input, { auth: false }).then((body) => body.data)

export const useLogin = (config?: MutationConfig<typeof login>) => useMutation({ ...config, mutationFn: login })

/** The challenge to complete with a TOTP code, when the login failed for want of one. */
export function mfaChallengeOf(error: unknown): string | null {
  if (!isApiError(error, 'mfa_required')) return null
  const challenge = error.details.challenge
  return typeof challenge === 'string' && challenge ? challenge : null
}

import { useMutation } from '@tanstack/react-query'
import type { SignInResult } from '@/lib/auth'
import { dataOf, publicApi, type Schemas } from '@/lib/api-client'
import { isApiError } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type LoginInput = Schemas['LoginRequest']

/** POST /auth/login. With 2FA on, it fails with 401 `mfa_required` and a challenge (see mfaChallengeOf). */
export const login = (input: LoginInput): Promise<SignInResult> =>
  dataOf(publicApi.POST('/api/v1/auth/login', { body: input })) as Promise<SignInResult>

export const useLogin = (config?: MutationConfig<typeof login>) => useMutation({ ...config, mutationFn: login })

/** The challenge to complete with a TOTP code, when the login failed for want of one. */
export function mfaChallengeOf(error: unknown): string | null {
  if (!isApiError(error, 'mfa_required')) return null
  const challenge = error.details.challenge
  return typeof challenge === 'string' && challenge ? challenge : null
}

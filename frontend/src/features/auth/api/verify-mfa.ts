import { useMutation } from '@tanstack/react-query'
import type { SignInResult } from '@/lib/auth'
import { type Envelope, http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type VerifyMfaInput = { challenge: string; code: string }

/** POST /auth/mfa/verify: completes a login with a TOTP code or a recovery code. */
export const verifyMfa = (input: VerifyMfaInput): Promise<SignInResult> =>
  http.post<Envelope<SignInResult>>('/api/v1/auth/mfa/verify', input, { auth: false }).then((body) => body.data)

export const useVerifyMfa = (config?: MutationConfig<typeof verifyMfa>) => useMutation({ ...config, mutationFn: verifyMfa })

import { useMutation } from '@tanstack/react-query'
import type { SignInResult } from '@/lib/auth'
import { dataOf, publicApi, type Schemas } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

export type VerifyMfaInput = Schemas['MfaVerifyRequest']

/** POST /auth/mfa/verify: completes a login with a TOTP code or a recovery code. */
export const verifyMfa = (input: VerifyMfaInput): Promise<SignInResult> =>
  dataOf(publicApi.POST('/api/v1/auth/mfa/verify', { body: input })) as Promise<SignInResult>

export const useVerifyMfa = (config?: MutationConfig<typeof verifyMfa>) => useMutation({ ...config, mutationFn: verifyMfa })

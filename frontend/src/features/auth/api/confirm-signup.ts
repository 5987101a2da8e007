import { useMutation } from '@tanstack/react-query'
import type { SignInResult } from '@/lib/auth'
import { dataOf, publicApi } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

/**
 * POST /auth/signup/confirm: spends the link of the signup e-mail, creates the organization with its first admin
 * and signs them in; `400 invalid_token` when the link is unknown, used or expired.
 */
export const confirmSignup = (token: string): Promise<SignInResult> =>
  dataOf(publicApi.POST('/api/v1/auth/signup/confirm', { body: { token } })) as Promise<SignInResult>

export const useConfirmSignup = (config?: MutationConfig<typeof confirmSignup>) => useMutation({ ...config, mutationFn: confirmSignup })

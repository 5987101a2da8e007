import { useMutation } from '@tanstack/react-query'
import { publicApi, unwrap } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

/** POST /auth/password-reset: 202 whether or not the address has an account (no account oracle). */
export const requestPasswordReset = (email: string): Promise<void> =>
  unwrap(publicApi.POST('/api/v1/auth/password-reset', { body: { email } })).then(() => undefined)

export const useRequestPasswordReset = (config?: MutationConfig<typeof requestPasswordReset>) => useMutation({ ...config, mutationFn: requestPasswordReset })

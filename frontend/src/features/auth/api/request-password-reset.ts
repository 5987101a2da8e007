import { useMutation } from '@tanstack/react-query'
import { http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

/** POST /auth/password-reset: 202 whether or not the address has an account (no account oracle). */
export const requestPasswordReset = (email: string): Promise<void> =>
  http.post<void>('/api/v1/auth/password-reset', { email }, { auth: false })

export const useRequestPasswordReset = (config?: MutationConfig<typeof requestPasswordReset>) => useMutation({ ...config, mutationFn: requestPasswordReset })

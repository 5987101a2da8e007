import { useMutation } from '@tanstack/react-query'
import { http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type ConfirmPasswordResetInput = { token: string; new_password: string }

/** POST /auth/password-reset/confirm: 204; 400 `invalid_token` when the link is unknown, used or expired. */
export const confirmPasswordReset = (input: ConfirmPasswordResetInput): Promise<void> =>
  http.post<void>('/api/v1/auth/password-reset/confirm', input, { auth: false })

export const useConfirmPasswordReset = (config?: MutationConfig<typeof confirmPasswordReset>) => useMutation({ ...config, mutationFn: confirmPasswordReset })

import { useMutation } from '@tanstack/react-query'
import { publicApi, type Schemas, unwrap } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

export type ConfirmPasswordResetInput = Schemas['PasswordResetConfirmRequest']

/** POST /auth/password-reset/confirm: 204; 400 `invalid_token` when the link is unknown, used or expired. */
export const confirmPasswordReset = (input: ConfirmPasswordResetInput): Promise<void> =>
  unwrap(publicApi.POST('/api/v1/auth/password-reset/confirm', { body: input })).then(() => undefined)

export const useConfirmPasswordReset = (config?: MutationConfig<typeof confirmPasswordReset>) => useMutation({ ...config, mutationFn: confirmPasswordReset })

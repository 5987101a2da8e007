import { useMutation, useQueryClient } from '@tanstack/react-query'
import { meQueryKey } from '@/lib/auth'
import { api, dataOf, type Schemas } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

/** POST /auth/mfa/confirm: turns 2FA on and answers the recovery codes, once. */
export const confirmMfa = (code: string): Promise<Schemas['RecoveryCodesResponse']> =>
  dataOf(api.POST('/api/v1/auth/mfa/confirm', { body: { code } }))

export function useConfirmMfa(config?: MutationConfig<typeof confirmMfa>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: confirmMfa,
    gcTime: 0,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: meQueryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

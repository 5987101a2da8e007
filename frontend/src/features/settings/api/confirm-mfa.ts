import { useMutation, useQueryClient } from '@tanstack/react-query'
import { meQueryKey } from '@/lib/auth'
import { type Envelope, http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

/** POST /auth/mfa/confirm: turns 2FA on and answers the recovery codes, once. */
export const confirmMfa = (code: string): Promise<{ recovery_codes: string[] }> =>
  http.post<Envelope<{ recovery_codes: string[] }>>('/api/v1/auth/mfa/confirm', { code }).then((body) => body.data)

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

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { meQueryKey } from '@/lib/auth'
import { http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type DisableMfaInput = { password: string; code: string }

/** POST /auth/mfa/disable: needs the password and a current code (or a recovery code). */
export const disableMfa = (input: DisableMfaInput): Promise<void> => http.post('/api/v1/auth/mfa/disable', input)

export function useDisableMfa(config?: MutationConfig<typeof disableMfa>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: disableMfa,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: meQueryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

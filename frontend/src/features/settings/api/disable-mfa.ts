import { useMutation, useQueryClient } from '@tanstack/react-query'
import { meQueryKey } from '@/lib/auth'
import { api, type Schemas, unwrap } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

export type DisableMfaInput = Schemas['MfaDisableRequest']

/** POST /auth/mfa/disable: needs the password and a current code (or a recovery code). */
export const disableMfa = (input: DisableMfaInput): Promise<void> =>
  unwrap(api.POST('/api/v1/auth/mfa/disable', { body: input })).then(() => undefined)

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

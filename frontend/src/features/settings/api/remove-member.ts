import { useMutation, useQueryClient } from '@tanstack/react-query'
import { membersQueryKey } from '@/features/settings/api/get-members'
import { api, unwrap } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

/** DELETE /org-members/{id}: also withdraws a pending invitation; 409 `last_admin` for the last admin. */
export const removeMember = (id: string): Promise<void> =>
  unwrap(api.DELETE('/api/v1/org-members/{id}', { params: { path: { id } } })).then(() => undefined)

export function useRemoveMember(config?: MutationConfig<typeof removeMember>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: removeMember,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: membersQueryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

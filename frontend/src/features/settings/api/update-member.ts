import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type Member, membersQueryKey } from '@/features/settings/api/get-members'
import { meQueryKey, type Role } from '@/lib/auth'
import { type Envelope, http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type MemberUpdate = { id: string; role?: Role; teams?: string[] }

/** PATCH /org-members/{id}: 409 `last_admin` when it would leave the organization without an admin. */
export const updateMember = ({ id, ...changes }: MemberUpdate): Promise<Member> =>
  http.patch<Envelope<Member>>(`/api/v1/org-members/${encodeURIComponent(id)}`, changes).then((body) => body.data)

export function useUpdateMember(config?: MutationConfig<typeof updateMember>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: updateMember,
    onSettled: (...args) => {
      void queryClient.invalidateQueries({ queryKey: membersQueryKey })
      // changing one's own role changes one's permissions
      void queryClient.invalidateQueries({ queryKey: meQueryKey })
      return config?.onSettled?.(...args)
    },
  })
}

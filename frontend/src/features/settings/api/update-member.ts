import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type Member, membersQueryKey } from '@/features/settings/api/get-members'
import { meQueryKey } from '@/lib/auth'
import { type Role } from '@/lib/closed-sets'
import { api, dataOf } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

export type MemberUpdate = { id: string; role?: Role; teams?: string[] }

/** PATCH /org-members/{id}: 409 `last_admin` when it would leave the organization without an admin. */
export const updateMember = ({ id, ...changes }: MemberUpdate): Promise<Member> =>
  dataOf(api.PATCH('/api/v1/org-members/{id}', { params: { path: { id } }, body: changes })) as Promise<Member>

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

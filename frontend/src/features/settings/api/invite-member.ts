import { useMutation, useQueryClient } from '@tanstack/react-query'
import { membersQueryKey } from '@/features/settings/api/get-members'
import type { Role } from '@/lib/closed-sets'
import { api, dataOf, type Refine, type Schemas } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

export type InviteInput = Refine<Schemas['MemberInviteRequest'], { role: Role; teams: string[] }>

export type Invite = Refine<Schemas['InvitationCreated'], { role: Role; status: 'invited' }>

/** POST /org-members: an invitation, e-mailed (or, without e-mail delivery, returned as a link) (members:manage). */
export const inviteMember = (input: InviteInput): Promise<Invite> =>
  dataOf(api.POST('/api/v1/org-members', { body: input })) as Promise<Invite>

export function useInviteMember(config?: MutationConfig<typeof inviteMember>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: inviteMember,
    // the link stays only in the dialog: nothing of the answer goes into the list's cache
    gcTime: 0,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: membersQueryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

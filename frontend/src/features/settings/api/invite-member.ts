import { useMutation, useQueryClient } from '@tanstack/react-query'
import { membersQueryKey } from '@/features/settings/api/get-members'
import type { Role } from '@/lib/auth'
import { type Envelope, http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type InviteInput = { email: string; role: Role; teams: string[] }

export type Invite = {
  id: string
  email: string
  role: Role
  teams: string[]
  status: 'invited'
  invite_url: string
  invite_expires_at: string
}

/** POST /org-members: an invitation, e-mailed and returned as a link (members:manage). */
export const inviteMember = (input: InviteInput): Promise<Invite> =>
  http.post<Envelope<Invite>>('/api/v1/org-members', input).then((body) => body.data)

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

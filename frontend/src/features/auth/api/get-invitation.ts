import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Role } from '@/lib/closed-sets'
import { dataOf, publicApi, type Refine, type Schemas } from '@/lib/api-client'
import { isApiError } from '@/lib/http'

export type Invitation = Refine<Schemas['InvitationResponse'], { role: Role }>

/** GET /auth/invitations/{token}: 404 when unknown, used or expired. */
export const getInvitation = (token: string, signal?: AbortSignal): Promise<Invitation> =>
  dataOf(publicApi.GET('/api/v1/auth/invitations/{token}', { params: { path: { token } }, signal })) as Promise<Invitation>

export const invitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['auth', 'invitation', token],
    queryFn: ({ signal }) => getInvitation(token, signal),
    retry: (failures, error) => !isApiError(error) || (error.status >= 500 && failures < 2),
    staleTime: Infinity,
  })

/** `enabled: false` once accepted: the used token would answer 404. */
export const useInvitation = (token: string, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...invitationQueryOptions(token), enabled: enabled && token !== '' })

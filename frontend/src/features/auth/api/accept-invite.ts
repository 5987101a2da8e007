import { useMutation } from '@tanstack/react-query'
import type { SignInResult } from '@/lib/auth'
import { dataOf, publicApi, type Schemas } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

export type AcceptInviteInput = Schemas['AcceptInviteRequest']

/** POST /auth/accept-invite: creates the member's login and signs them in. */
export const acceptInvite = (input: AcceptInviteInput): Promise<SignInResult> =>
  dataOf(publicApi.POST('/api/v1/auth/accept-invite', { body: input })) as Promise<SignInResult>

export const useAcceptInvite = (config?: MutationConfig<typeof acceptInvite>) => useMutation({ ...config, mutationFn: acceptInvite })

import { useMutation } from '@tanstack/react-query'
import type { SignInResult } from '@/lib/auth'
import { type Envelope, http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type AcceptInviteInput = { token: string; password: string; full_name: string }

/** POST /auth/accept-invite: creates the member's login and signs them in. */
export const acceptInvite = (input: AcceptInviteInput): Promise<SignInResult> =>
  http.post<Envelope<SignInResult>>('/api/v1/auth/accept-invite', input, { auth: false }).then((body) => body.data)

export const useAcceptInvite = (config?: MutationConfig<typeof acceptInvite>) => useMutation({ ...config, mutationFn: acceptInvite })

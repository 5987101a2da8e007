import { useMutation } from '@tanstack/react-query'
import { dataOf, publicApi, type Schemas } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

export type SignupInput = Schemas['SignupRequest']
export type SignupAccepted = Schemas['SignupAcceptedResponse']

/**
 * POST /auth/signup: always `202 confirmation_sent` for a well-formed request, whether or not the address has an
 * account; nothing exists until the link in the e-mail is opened. `confirm_url` only on a development server.
 */
export const signup = (input: SignupInput): Promise<SignupAccepted> =>
  dataOf(publicApi.POST('/api/v1/auth/signup', { body: input }))

export const useSignup = (config?: MutationConfig<typeof signup>) => useMutation({ ...config, mutationFn: signup })

import { useMutation } from '@tanstack/react-query'
import type { SignInResult } from '@/lib/auth'
import { dataOf, publicApi, type Schemas } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

export type SignupInput = Schemas['SignupRequest']

/** POST /auth/signup: creates the organization and its first admin, signed in. */
export const signup = (input: SignupInput): Promise<SignInResult> =>
  dataOf(publicApi.POST('/api/v1/auth/signup', { body: input })) as Promise<SignInResult>

export const useSignup = (config?: MutationConfig<typeof signup>) => useMutation({ ...config, mutationFn: signup })

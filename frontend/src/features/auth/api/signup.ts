import { useMutation } from '@tanstack/react-query'
import type { SignInResult } from '@/lib/auth'
import { type Envelope, http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type SignupInput = { email: string; password: string; full_name: string; organization_name: string }

/** POST /auth/signup: creates the organization and its first admin, signed in. */
export const signup = (input: SignupInput): Promise<SignInResult> =>
  http.post<Envelope<SignInResult>>('/api/v1/auth/signup', input, { auth: false }).then((body) => body.data)

export const useSignup = (config?: MutationConfig<typeof signup>) => useMutation({ ...config, mutationFn: signup })

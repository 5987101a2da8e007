import { useMutation } from '@tanstack/react-query'
import { api, dataOf, type Schemas } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

export type MfaEnrollment = Schemas['MfaEnrollmentResponse']

/** POST /auth/mfa/enroll: a new TOTP secret, not active until confirmed with a code. */
export const enrollMfa = (): Promise<MfaEnrollment> =>
  dataOf(api.POST('/api/v1/auth/mfa/enroll'))

export const useEnrollMfa = (config?: MutationConfig<typeof enrollMfa>) =>
  useMutation({ ...config, mutationFn: enrollMfa, gcTime: 0 })

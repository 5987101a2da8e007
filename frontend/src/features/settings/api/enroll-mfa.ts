import { useMutation } from '@tanstack/react-query'
import { type Envelope, http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type MfaEnrollment = { secret: string; otpauth_uri: string }

/** POST /auth/mfa/enroll: a new TOTP secret, not active until confirmed with a code. */
export const enrollMfa = (): Promise<MfaEnrollment> =>
  http.post<Envelope<MfaEnrollment>>('/api/v1/auth/mfa/enroll').then((body) => body.data)

export const useEnrollMfa = (config?: MutationConfig<typeof enrollMfa>) =>
  useMutation({ ...config, mutationFn: enrollMfa, gcTime: 0 })

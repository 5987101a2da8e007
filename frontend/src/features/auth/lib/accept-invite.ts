import type { AcceptInviteInput } from '@/features/auth/api/accept-invite'
import type { AcceptInviteField } from '@/features/auth/lib/validate'
import { normalizeMfaCode } from '@/features/auth/lib/validate'
import { isApiError } from '@/lib/http'

/**
 * Accepting with an address that already has an account with 2FA on is a sign-in: the API answers
 * `401 mfa_required` until the request carries the authenticator code as `code`.
 */
export const needsMfaCode = (error: unknown): boolean => isApiError(error, 'mfa_required')

/** The request body; `code` only once the API has asked for it. */
export function acceptInviteRequest(token: string, values: Record<AcceptInviteField, string>, code?: string): AcceptInviteInput {
  const body: AcceptInviteInput = { token, full_name: values.full_name.trim(), password: values.password }
  if (code !== undefined) body.code = normalizeMfaCode(code)
  return body
}

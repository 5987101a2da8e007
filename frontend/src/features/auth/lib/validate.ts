import { passwordProblem } from '@/features/auth/lib/password'
import { emailProblem, type FieldErrors } from '@/lib/forms'

export type LoginField = 'email' | 'password'
export type SignupField = 'email' | 'password' | 'full_name' | 'organization_name'
export type NewPasswordField = 'new_password' | 'confirm_password'
export type AcceptInviteField = 'full_name' | 'password'

const required = (value: string, message: string) => (value.trim() ? undefined : message)

export function validateLogin(values: Record<LoginField, string>): FieldErrors<LoginField> {
  return { email: emailProblem(values.email), password: values.password ? undefined : 'Enter your password.' }
}

export function validateSignup(values: Record<SignupField, string>): FieldErrors<SignupField> {
  return {
    full_name: required(values.full_name, 'Enter your name.'),
    email: emailProblem(values.email),
    password: passwordProblem(values.password),
    organization_name: required(values.organization_name, 'Name your organization.'),
  }
}

export function validateNewPassword(values: Record<NewPasswordField, string>): FieldErrors<NewPasswordField> {
  const problem = passwordProblem(values.new_password)
  return {
    new_password: problem,
    confirm_password:
      !problem && values.confirm_password !== values.new_password ? 'The two passwords are not the same.' : undefined,
  }
}

export function validateAcceptInvite(values: Record<AcceptInviteField, string>): FieldErrors<AcceptInviteField> {
  return { full_name: required(values.full_name, 'Enter your name.'), password: passwordProblem(values.password) }
}

/** A TOTP code (6 digits, spaces allowed) or a recovery code (letters, digits, dashes). */
export function normalizeMfaCode(code: string): string {
  const trimmed = code.trim()
  return /^[\d\s]+$/.test(trimmed) ? trimmed.replace(/\s+/g, '') : trimmed
}

export function mfaCodeProblem(code: string): string | undefined {
  const value = normalizeMfaCode(code)
  if (!value) return 'Enter the 6-digit code from your authenticator app, or a recovery code.'
  if (/^\d+$/.test(value) && value.length !== 6) return 'Authenticator codes have 6 digits.'
  if (!/^[A-Za-z0-9-]{6,64}$/.test(value)) return 'That is neither a 6-digit code nor a recovery code.'
  return undefined
}

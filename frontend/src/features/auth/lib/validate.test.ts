import { describe, expect, it } from 'vitest'
import {
  mfaCodeProblem,
  normalizeMfaCode,
  validateAcceptInvite,
  validateLogin,
  validateNewPassword,
  validateSignup,
} from '@/features/auth/lib/validate'

describe('validateSignup', () => {
  it('passes a complete form', () => {
    const errors = validateSignup({ full_name: 'Ada', email: 'ada@example.com', password: 'a long passphrase', organization_name: 'Acme' })
    expect(Object.values(errors).filter(Boolean)).toEqual([])
  })

  it('names every missing field', () => {
    expect(validateSignup({ full_name: ' ', email: '', password: 'short', organization_name: '' })).toEqual({
      full_name: 'Enter your name.',
      email: 'Enter your e-mail address.',
      password: 'Use at least 12 characters (7 more).',
      organization_name: 'Name your organization.',
    })
  })
})

describe('validateLogin', () => {
  it('does not apply the new-password rule to existing passwords', () => {
    expect(validateLogin({ email: 'ada@example.com', password: 'old' })).toEqual({ email: undefined, password: undefined })
  })
})

describe('validateNewPassword', () => {
  it('wants the two entries to match', () => {
    expect(validateNewPassword({ new_password: 'a long passphrase', confirm_password: 'a long passphrasE' }).confirm_password).toBe(
      'The two passwords are not the same.',
    )
  })

  it('reports the rule before the mismatch', () => {
    expect(validateNewPassword({ new_password: 'short', confirm_password: '' })).toEqual({
      new_password: 'Use at least 12 characters (7 more).',
      confirm_password: undefined,
    })
  })
})

describe('validateAcceptInvite', () => {
  it('needs a name and a valid password', () => {
    expect(validateAcceptInvite({ full_name: '', password: 'x'.repeat(200) })).toEqual({
      full_name: 'Enter your name.',
      password: 'Use at most 128 characters.',
    })
  })
})

describe('MFA codes', () => {
  it('removes spaces inside TOTP codes only', () => {
    expect(normalizeMfaCode(' 123 456 ')).toBe('123456')
    expect(normalizeMfaCode(' abcd-efgh ')).toBe('abcd-efgh')
  })

  it('accepts a 6-digit code or a recovery code', () => {
    expect(mfaCodeProblem('123 456')).toBeUndefined()
    expect(mfaCodeProblem('k3f9-2jd8-q1xz')).toBeUndefined()
  })

  it('rejects wrong lengths and odd characters', () => {
    expect(mfaCodeProblem('12345')).toBe('Authenticator codes have 6 digits.')
    expect(mfaCodeProblem('')).toMatch(/Enter the 6-digit code/)
    expect(mfaCodeProblem('abc def!')).toMatch(/neither/)
  })
})

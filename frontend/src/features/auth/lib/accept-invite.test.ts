import { describe, expect, it } from 'vitest'
import { acceptInviteRequest, needsMfaCode } from '@/features/auth/lib/accept-invite'
import { ApiError } from '@/lib/http'

describe('needsMfaCode', () => {
  it('is true only for 401 mfa_required', () => {
    expect(needsMfaCode(new ApiError({ status: 401, code: 'mfa_required', message: 'Enter your code.' }))).toBe(true)
    expect(needsMfaCode(new ApiError({ status: 401, code: 'invalid_credentials', message: 'Wrong.' }))).toBe(false)
    expect(needsMfaCode(new ApiError({ status: 401, code: 'invalid_mfa_code', message: 'Wrong code.' }))).toBe(false)
    expect(needsMfaCode(new Error('mfa_required'))).toBe(false)
    expect(needsMfaCode(null)).toBe(false)
  })
})

describe('acceptInviteRequest', () => {
  const values = { full_name: ' Ada ', password: 'secret pass' }

  it('sends no code before the API asks for one', () => {
    expect(acceptInviteRequest('t1', values)).toEqual({ token: 't1', full_name: 'Ada', password: 'secret pass' })
  })

  it('resends the same request with the code', () => {
    expect(acceptInviteRequest('t1', values, ' 123 456 ')).toEqual({ token: 't1', full_name: 'Ada', password: 'secret pass', code: '123456' })
  })
})

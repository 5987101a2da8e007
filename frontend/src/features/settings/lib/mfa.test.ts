import { describe, expect, it } from 'vitest'
import { formatSecret, totpCodeProblem } from '@/features/settings/lib/mfa'

describe('formatSecret', () => {
  it('groups the secret by four', () => {
    expect(formatSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP')
    expect(formatSecret('JBSWY3DPEH')).toBe('JBSW Y3DP EH')
  })
})

describe('totpCodeProblem', () => {
  it('accepts six digits, spaces allowed', () => {
    expect(totpCodeProblem('123456')).toBeUndefined()
    expect(totpCodeProblem('123 456')).toBeUndefined()
  })

  it('rejects anything else', () => {
    expect(totpCodeProblem('')).toMatch(/Enter/)
    expect(totpCodeProblem('12345')).toBe('The code has 6 digits.')
    expect(totpCodeProblem('abcdef')).toBe('The code has 6 digits.')
  })
})

import { describe, expect, it } from 'vitest'
import { PASSWORD_RULE, passwordProblem } from '@/features/auth/lib/password'

describe('passwordProblem', () => {
  it('accepts 12 to 128 characters', () => {
    expect(passwordProblem('a'.repeat(12))).toBeUndefined()
    expect(passwordProblem('correct horse battery')).toBeUndefined()
    expect(passwordProblem('a'.repeat(128))).toBeUndefined()
  })

  it('says how many characters are missing', () => {
    expect(passwordProblem('short')).toBe('Use at least 12 characters (7 more).')
    expect(passwordProblem('a'.repeat(11))).toBe('Use at least 12 characters (1 more).')
  })

  it('refuses more than 128 characters', () => {
    expect(passwordProblem('a'.repeat(129))).toBe('Use at most 128 characters.')
  })

  it('asks for a password when empty', () => {
    expect(passwordProblem('')).toBe('Choose a password.')
  })

  it('counts spaces like any character (passphrases)', () => {
    expect(passwordProblem('           x')).toBeUndefined()
  })

  it('states the rule for the form', () => {
    expect(PASSWORD_RULE).toContain('12 to 128 characters')
  })
})

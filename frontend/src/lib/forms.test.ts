import { describe, expect, it } from 'vitest'
import { emailProblem, hasErrors, secondsLeft } from '@/lib/forms'

describe('emailProblem', () => {
  it.each(['ada@example.com', '  ada@example.co.uk ', 'a+tag@sub.example.org'])('accepts %j', (email) => {
    expect(emailProblem(email)).toBeUndefined()
  })

  it('asks for an address when empty', () => {
    expect(emailProblem('  ')).toBe('Enter your e-mail address.')
  })

  it.each(['ada', 'ada@', 'ada@example', 'a da@example.com'])('rejects %j', (email) => {
    expect(emailProblem(email)).toMatch(/valid e-mail/)
  })
})

describe('hasErrors', () => {
  it('ignores fields without a problem', () => {
    expect(hasErrors({ email: undefined, password: undefined })).toBe(false)
    expect(hasErrors({ email: undefined, password: 'Too short.' })).toBe(true)
  })
})

describe('secondsLeft', () => {
  it('rounds up and stops at zero', () => {
    expect(secondsLeft(10_500, 0)).toBe(11)
    expect(secondsLeft(10_000, 10_000)).toBe(0)
    expect(secondsLeft(10_000, 20_000)).toBe(0)
    expect(secondsLeft(null, 0)).toBe(0)
  })
})

import { describe, expect, it } from 'vitest'
import { confirmPathOf } from '@/features/auth/lib/signup-confirmation'

describe('confirmPathOf', () => {
  it('keeps the path and token of the server link, whatever its origin', () => {
    expect(confirmPathOf('http://localhost:8080/signup/confirm?token=abc_DEF-123')).toBe('/signup/confirm?token=abc_DEF-123')
    expect(confirmPathOf('https://hub.example.com/signup/confirm?token=t1')).toBe('/signup/confirm?token=t1')
  })

  it('keeps a public URL with a path prefix working', () => {
    expect(confirmPathOf('https://example.com/hub/signup/confirm?token=t2')).toBe('/signup/confirm?token=t2')
  })

  it('re-encodes the token', () => {
    expect(confirmPathOf('http://h/signup/confirm?token=a%26b')).toBe('/signup/confirm?token=a%26b')
  })

  it('is null without a confirmation link', () => {
    expect(confirmPathOf(null)).toBeNull()
    expect(confirmPathOf(undefined)).toBeNull()
    expect(confirmPathOf('')).toBeNull()
    expect(confirmPathOf('http://h/signup/confirm')).toBeNull()
    expect(confirmPathOf('http://h/signup/confirm?token=')).toBeNull()
    expect(confirmPathOf('https://evil.example/phish?token=x')).toBeNull()
    expect(confirmPathOf('http://[bad')).toBeNull()
  })
})

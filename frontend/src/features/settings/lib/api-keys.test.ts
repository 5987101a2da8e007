import { describe, expect, it } from 'vitest'
import { apiKeyStatus, expiresAtFor, scopesProblem } from '@/features/settings/lib/api-keys'

const now = Date.parse('2026-03-10T12:00:00Z')

describe('apiKeyStatus', () => {
  it('is active without revocation or expiry', () => {
    expect(apiKeyStatus({ revoked_at: null, expires_at: null }, now)).toBe('active')
    expect(apiKeyStatus({ revoked_at: null, expires_at: '2026-03-11T00:00:00Z' }, now)).toBe('active')
  })

  it('is expired from its expiry on', () => {
    expect(apiKeyStatus({ revoked_at: null, expires_at: '2026-03-10T12:00:00Z' }, now)).toBe('expired')
  })

  it('is revoked even when it has also expired', () => {
    expect(apiKeyStatus({ revoked_at: '2026-03-01T00:00:00Z', expires_at: '2026-03-02T00:00:00Z' }, now)).toBe('revoked')
  })
})

describe('expiresAtFor', () => {
  it('sends nothing for keys that never expire', () => {
    expect(expiresAtFor('never', now)).toBeUndefined()
  })

  it('counts days from now', () => {
    expect(expiresAtFor('30', now)).toBe('2026-04-09T12:00:00.000Z')
    expect(expiresAtFor('365', now)).toBe('2027-03-10T12:00:00.000Z')
  })
})

describe('scopesProblem', () => {
  it('needs at least one scope', () => {
    expect(scopesProblem([])).toBe('Pick at least one scope.')
    expect(scopesProblem(['ingest'])).toBeUndefined()
  })
})

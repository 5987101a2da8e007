import { describe, expect, it } from 'vitest'
import { isTimeZone, orgChanges, validateOrgProfile } from '@/features/settings/lib/org-profile'
import type { Organization } from '@/lib/auth'

const org: Organization = { id: 'o1', name: 'Acme', slug: 'acme', logo_url: null, plan: 'free', timezone: 'UTC' }
const unchanged = { name: 'Acme', logo_url: '', timezone: 'UTC' }

describe('orgChanges', () => {
  it('is empty when nothing changed', () => {
    expect(orgChanges(org, { ...unchanged, name: ' Acme ', timezone: ' UTC ' })).toEqual({})
  })

  it('sends only the changed fields', () => {
    expect(orgChanges(org, { ...unchanged, name: 'Acme Inc' })).toEqual({ name: 'Acme Inc' })
    expect(orgChanges(org, { ...unchanged, timezone: 'Europe/Paris' })).toEqual({ timezone: 'Europe/Paris' })
  })

  it('never sends the plan, which users cannot change', () => {
    expect(orgChanges({ ...org, plan: 'enterprise' }, { name: 'Acme Inc', logo_url: '', timezone: 'UTC' })).not.toHaveProperty('plan')
  })

  it('clears the logo with an empty string', () => {
    expect(orgChanges({ ...org, logo_url: 'https://x/logo.png' }, { ...unchanged, logo_url: ' ' })).toEqual({ logo_url: '' })
  })
})

describe('validateOrgProfile', () => {
  it('needs a name and an http(s) logo address', () => {
    expect(validateOrgProfile({ name: '', logo_url: 'ftp://x/logo.png', timezone: 'UTC' })).toEqual({
      name: 'Enter the organization name.',
      logo_url: 'Use an http(s):// address of an image, or leave it empty.',
    })
    expect(validateOrgProfile({ ...unchanged, logo_url: 'https://x/logo.png' })).toEqual({})
    expect(validateOrgProfile({ ...unchanged, logo_url: 'http://x/logo.png' })).toEqual({})
  })

  it('needs an IANA time zone', () => {
    expect(validateOrgProfile({ ...unchanged, timezone: 'America/New_York' })).toEqual({})
    expect(validateOrgProfile({ ...unchanged, timezone: ' ' })).toEqual({ timezone: 'Enter a time zone, e.g. Europe/Paris.' })
    expect(validateOrgProfile({ ...unchanged, timezone: 'Mars/Olympus' })).toEqual({
      timezone: 'Use an IANA time zone name, e.g. Europe/Paris or America/New_York.',
    })
  })
})

describe('isTimeZone', () => {
  it('knows IANA names', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true)
    expect(isTimeZone('Not/AZone')).toBe(false)
  })
})

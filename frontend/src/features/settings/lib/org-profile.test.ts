import { describe, expect, it } from 'vitest'
import { orgChanges, validateOrgProfile } from '@/features/settings/lib/org-profile'
import type { Organization } from '@/lib/auth'

const org: Organization = { id: 'o1', name: 'Acme', slug: 'acme', logo_url: null, plan: 'free' }

describe('orgChanges', () => {
  it('is empty when nothing changed', () => {
    expect(orgChanges(org, { name: ' Acme ', logo_url: '', plan: 'free' })).toEqual({})
  })

  it('sends only the changed fields', () => {
    expect(orgChanges(org, { name: 'Acme Inc', logo_url: '', plan: 'team' })).toEqual({ name: 'Acme Inc', plan: 'team' })
  })

  it('clears the logo with an empty string', () => {
    expect(orgChanges({ ...org, logo_url: 'https://x/logo.png' }, { name: 'Acme', logo_url: ' ', plan: 'free' })).toEqual({ logo_url: '' })
  })
})

describe('validateOrgProfile', () => {
  it('needs a name and an http(s) logo address', () => {
    expect(validateOrgProfile({ name: '', logo_url: 'ftp://x/logo.png', plan: 'free' })).toEqual({
      name: 'Enter the organization name.',
      logo_url: 'Use an http(s):// address of an image, or leave it empty.',
    })
    expect(validateOrgProfile({ name: 'Acme', logo_url: 'https://x/logo.png', plan: 'free' })).toEqual({})
    expect(validateOrgProfile({ name: 'Acme', logo_url: 'http://x/logo.png', plan: 'free' })).toEqual({})
  })
})

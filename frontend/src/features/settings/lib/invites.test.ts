import { describe, expect, it } from 'vitest'
import { inviteLinkOf } from '@/features/settings/lib/invites'

describe('inviteLinkOf', () => {
  it('is the link only when the server returned one (no e-mail delivery)', () => {
    expect(inviteLinkOf({ invite_url: 'https://hub.example/invite/t1' })).toBe('https://hub.example/invite/t1')
  })

  it('is null when the invitation was e-mailed', () => {
    expect(inviteLinkOf({ invite_url: null })).toBeNull()
    expect(inviteLinkOf({})).toBeNull()
    expect(inviteLinkOf({ invite_url: '' })).toBeNull()
  })
})

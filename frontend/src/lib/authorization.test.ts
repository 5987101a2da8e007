import { describe, expect, it } from 'vitest'
import { can, PERMISSIONS, whoCan } from '@/lib/authorization'

const viewer = ['org:read', 'members:read', 'agents:read', 'runs:read']
const admin = [...PERMISSIONS]

describe('can', () => {
  it('grants a permission that is in the list', () => {
    expect(can(viewer, 'members:read')).toBe(true)
  })

  it('refuses a permission that is not', () => {
    expect(can(viewer, 'members:manage')).toBe(false)
    expect(can(viewer, 'api_keys:manage')).toBe(false)
  })

  it('needs every permission of a list', () => {
    expect(can(viewer, ['members:read', 'runs:read'])).toBe(true)
    expect(can(viewer, ['members:read', 'members:manage'])).toBe(false)
    expect(can(admin, ['members:manage', 'controls:kill_switch'])).toBe(true)
  })

  it('grants nothing while signed out', () => {
    expect(can(undefined, 'org:read')).toBe(false)
    expect(can(null, 'org:read')).toBe(false)
    expect(can([], 'org:read')).toBe(false)
  })

  it('matches whole permission strings only', () => {
    expect(can(['members:manager', 'members'], 'members:manage')).toBe(false)
  })
})

describe('whoCan', () => {
  it('names the lowest role that may and every role above it', () => {
    expect(whoCan('controls:kill_switch')).toBe('Only admins can do this.')
    expect(whoCan('controls:pause')).toBe('Only team leads and admins can do this.')
    expect(whoCan('agents:write')).toBe('Only members, team leads and admins can do this.')
  })
})

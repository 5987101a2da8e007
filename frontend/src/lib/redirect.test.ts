import { describe, expect, it } from 'vitest'
import { loginPath, safeNext } from '@/lib/redirect'

describe('safeNext', () => {
  it.each(['/runs', '/runs?status=failed#top', '/settings/members', '/agents/123'])('keeps the app path %s', (path) => {
    expect(safeNext(path)).toBe(path)
  })

  it.each([null, undefined, '', 'runs', '//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/runs\n'])(
    'sends %j to the dashboard',
    (next) => {
      expect(safeNext(next)).toBe('/dashboard')
    },
  )

  it.each(['/login', '/login?next=/runs', '/signup', '/signup/confirm?token=z', '/reset-password?token=x', '/accept-invite?token=y'])(
    'does not go back to the public page %s',
    (next) => {
      expect(safeNext(next)).toBe('/dashboard')
    },
  )
})

describe('loginPath', () => {
  it('remembers where the user was', () => {
    expect(loginPath({ pathname: '/audit', search: '?action=x' })).toBe('/login?next=%2Faudit%3Faction%3Dx')
  })

  it('is plain /login for the home page', () => {
    expect(loginPath({ pathname: '/dashboard' })).toBe('/login')
  })
})

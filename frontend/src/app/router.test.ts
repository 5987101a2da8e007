import { matchRoutes, type RouteObject } from 'react-router'
import { describe, expect, it } from 'vitest'
import { routes } from '@/app/router'
import { navItems } from '@/components/layouts/nav-items'

/** The route that renders the page for a path (the deepest match). */
function leaf(path: string) {
  const matches = matchRoutes(routes, path)
  if (!matches) throw new Error(`no route matches ${path}`)
  const last = matches[matches.length - 1]
  return { route: last.route as RouteObject, params: last.params }
}

async function redirectOf(path: string) {
  const { route } = leaf(path)
  if (typeof route.loader !== 'function') throw new Error(`${path} has no loader`)
  const result = await route.loader({ request: new Request(`http://app${path}`), params: {}, context: undefined } as never)
  return result instanceof Response ? { status: result.status, location: result.headers.get('Location') } : null
}

describe('routes', () => {
  it('redirects / to /dashboard', async () => {
    expect(await redirectOf('/')).toEqual({ status: 302, location: '/dashboard' })
  })

  it('redirects /settings to /settings/org', async () => {
    expect(await redirectOf('/settings')).toEqual({ status: 302, location: '/settings/org' })
  })

  it('redirects /settings/emergency to /controls', async () => {
    expect(await redirectOf('/settings/emergency')).toEqual({ status: 302, location: '/controls' })
  })

  it.each(navItems.map((item) => item.to))('has a lazy page for the nav link %s', (path) => {
    const { route } = leaf(path)
    expect(route.path).not.toBe('*')
    expect(route.lazy).toBeTypeOf('function')
  })

  it.each(['/login', '/signup', '/signup/confirm', '/reset-password', '/accept-invite'])('renders the public page %s outside the app layout', (path) => {
    const matches = matchRoutes(routes, path) ?? []
    expect(matches[0]?.route.id).toBe('public')
    expect(matches.map((m) => m.route.id)).not.toContain('app')
    expect(matches[matches.length - 1]?.route.lazy).toBeTypeOf('function')
  })

  it.each(['/settings/org', '/settings/members', '/settings/api-keys', '/settings/security', '/audit'])(
    'puts %s behind the route guard',
    (path) => {
      const matches = matchRoutes(routes, path) ?? []
      expect(matches[0]?.route.id).toBe('app')
      expect(matches[matches.length - 1]?.route.path).not.toBe('*')
    },
  )

  it('renders the settings sections inside the settings layout', () => {
    const matches = matchRoutes(routes, '/settings/members') ?? []
    expect(matches.map((m) => m.route.path)).toContain('settings')
  })

  it('renders agent deep links with the id', () => {
    const { route, params } = leaf('/agents/123')
    expect(route.path).toBe('agents/:agentId')
    expect(params.agentId).toBe('123')
  })

  it.each([
    ['/agents/new', 'agents/new'],
    ['/agents/123/analytics', 'agents/:agentId/analytics'],
    ['/agents/123/runs', 'agents/:agentId/runs'],
    ['/runs/abc', 'runs/:runId'],
  ])('has a lazy page for %s', (path, expected) => {
    const { route } = leaf(path)
    expect(route.path).toBe(expected)
    expect(route.lazy).toBeTypeOf('function')
  })

  it.each(['/nope', '/agents/123/unknown', '/dashboards'])('sends %s to the not-found page inside the layout', (path) => {
    const matches = matchRoutes(routes, path) ?? []
    expect(matches[0]?.route.id).toBe('app')
    expect(matches[matches.length - 1]?.route.path).toBe('*')
  })

  it('loads each lazy page as a component', async () => {
    const { route } = leaf('/runs')
    const lazy = route.lazy as () => Promise<{ Component?: unknown }>
    expect((await lazy()).Component).toBeTypeOf('function')
  })
})

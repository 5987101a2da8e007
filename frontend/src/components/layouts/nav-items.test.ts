import { describe, expect, it } from 'vitest'
import {
  activeNavItem,
  groupNavItems,
  navItems,
  type NavItem,
  visibleNavItems,
  visibleSettingsItems,
} from '@/components/layouts/nav-items'

const activeLabel = (path: string) => activeNavItem(path)?.label

describe('activeNavItem', () => {
  it.each([
    ['/dashboard', 'Dashboard'],
    ['/agents', 'Agents'],
    ['/agents/123', 'Agents'],
    ['/agents/123/runs', 'Agents'],
    ['/runs', 'Runs'],
    ['/runs/8f14e45f-ceea-467f-a0e6-7f3c2a1b9d10', 'Runs'],
    ['/audit', 'Audit log'],
    ['/settings/org', 'Settings'],
    ['/settings/members', 'Settings'],
    ['/settings', 'Settings'],
    ['/costs/', 'Costs'],
    ['/notifications', 'Notifications'],
    ['/budgets', 'Budgets'],
  ])('%s highlights %s', (path, label) => {
    expect(activeLabel(path)).toBe(label)
  })

  it.each(['/', '/dashboards', '/agentsx', '/nope', '/Agents', ''])('%j highlights nothing', (path) => {
    expect(activeNavItem(path)).toBeUndefined()
  })

  it('prefers the longest matching section', () => {
    const items: NavItem[] = [
      { label: 'Settings', to: '/settings', section: '/settings', icon: 'settings', group: 'Organization' },
      { label: 'API keys', to: '/settings/api-keys', section: '/settings/api-keys', icon: 'settings', group: 'Organization' },
    ]
    expect(activeNavItem('/settings/api-keys/new', items)?.label).toBe('API keys')
    expect(activeNavItem('/settings/org', items)?.label).toBe('Settings')
  })
})

describe('navItems', () => {
  it('lists the product sections in order', () => {
    expect(navItems.map((item) => item.label)).toEqual([
      'Dashboard',
      'Agents',
      'Runs',
      'Notifications',
      'Costs',
      'Budgets',
      'Policies',
      'Approvals',
      'Controls',
      'Audit log',
      'Settings',
    ])
  })

  it('links every item inside its own section', () => {
    for (const item of navItems) expect(activeNavItem(item.to)).toBe(item)
  })

  it('groups items without losing or reordering any', () => {
    const groups = groupNavItems()
    expect(groups.map((g) => g.group)).toEqual(['Monitor', 'Spend', 'Govern', 'Organization'])
    expect(groups.flatMap((g) => g.items)).toEqual(navItems)
  })
})

describe('visibleNavItems', () => {
  it('hides the audit log from users without audit:read', () => {
    const labels = visibleNavItems(['agents:read', 'runs:read']).map((item) => item.label)
    expect(labels).not.toContain('Audit log')
    expect(labels).toContain('Settings')
    expect(labels).toHaveLength(navItems.length - 1)
  })

  it('shows everything to a user with audit:read', () => {
    expect(visibleNavItems(['audit:read'])).toEqual(navItems)
  })
})

describe('visibleSettingsItems', () => {
  it('always offers Security, the user\'s own sign-in', () => {
    expect(visibleSettingsItems([]).map((item) => item.label)).toEqual(['Security'])
  })

  it('shows the sections a member may read', () => {
    expect(visibleSettingsItems(['org:read', 'members:read']).map((item) => item.label)).toEqual(['Organization', 'Members', 'Security'])
  })

  it('shows all five sections to an admin', () => {
    expect(visibleSettingsItems(['org:read', 'members:read', 'api_keys:read', 'webhooks:manage']).map((item) => item.to)).toEqual([
      '/settings/org',
      '/settings/members',
      '/settings/api-keys',
      '/settings/webhooks',
      '/settings/security',
    ])
  })

  it('shows webhooks to admins only', () => {
    expect(visibleSettingsItems(['org:read', 'members:read', 'api_keys:read']).map((item) => item.label)).not.toContain('Webhooks')
  })
})

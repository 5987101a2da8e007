import { describe, expect, it } from 'vitest'
import { activeNavItem, groupNavItems, navItems, type NavItem } from '@/components/layouts/nav-items'

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

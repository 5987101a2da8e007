import type { Permission } from '@/lib/authorization'

export type NavIcon =
  | 'dashboard'
  | 'agents'
  | 'runs'
  | 'costs'
  | 'budgets'
  | 'policies'
  | 'approvals'
  | 'controls'
  | 'audit'
  | 'notifications'
  | 'settings'

export type NavGroup = 'Monitor' | 'Spend' | 'Govern' | 'Organization'

export type NavItem = {
  label: string
  /** Where the link goes. */
  to: string
  /** The item is active on this path and every path below it. */
  section: string
  icon: NavIcon
  group: NavGroup
  /** Shown only to users with this permission. */
  permission?: Permission
}

export const navItems: readonly NavItem[] = [
  { label: 'Dashboard', to: '/dashboard', section: '/dashboard', icon: 'dashboard', group: 'Monitor' },
  { label: 'Agents', to: '/agents', section: '/agents', icon: 'agents', group: 'Monitor' },
  { label: 'Runs', to: '/runs', section: '/runs', icon: 'runs', group: 'Monitor' },
  { label: 'Notifications', to: '/notifications', section: '/notifications', icon: 'notifications', group: 'Monitor' },
  { label: 'Costs', to: '/costs', section: '/costs', icon: 'costs', group: 'Spend' },
  { label: 'Budgets', to: '/budgets', section: '/budgets', icon: 'budgets', group: 'Spend' },
  { label: 'Policies', to: '/policies', section: '/policies', icon: 'policies', group: 'Govern' },
  { label: 'Approvals', to: '/approvals', section: '/approvals', icon: 'approvals', group: 'Govern' },
  { label: 'Controls', to: '/controls', section: '/controls', icon: 'controls', group: 'Govern' },
  { label: 'Audit log', to: '/audit', section: '/audit', icon: 'audit', group: 'Govern', permission: 'audit:read' },
  { label: 'Settings', to: '/settings/org', section: '/settings', icon: 'settings', group: 'Organization' },
]

/** Groups in display order, each with its items in display order. */
export function groupNavItems(items: readonly NavItem[] = navItems): Array<{ group: NavGroup; items: NavItem[] }> {
  const groups: Array<{ group: NavGroup; items: NavItem[] }> = []
  for (const item of items) {
    const existing = groups.find((g) => g.group === item.group)
    if (existing) existing.items.push(item)
    else groups.push({ group: item.group, items: [item] })
  }
  return groups
}

function isWithin(pathname: string, section: string): boolean {
  return pathname === section || pathname.startsWith(`${section}/`)
}

/**
 * The item to highlight for a location: the one whose section contains the path, on whole segments
 * (`/agents/123/runs` is Agents, `/dashboards` is nothing). The longest section wins.
 */
export function activeNavItem(pathname: string, items: readonly NavItem[] = navItems): NavItem | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  let best: NavItem | undefined
  for (const item of items) {
    if (isWithin(path, item.section) && (!best || item.section.length > best.section.length)) best = item
  }
  return best
}

/** The items a user with these permissions may open (the others would only answer 403). */
export function visibleNavItems(permissions: readonly string[], items: readonly NavItem[] = navItems): NavItem[] {
  return items.filter((item) => !item.permission || permissions.includes(item.permission))
}

export type SettingsItem = { label: string; to: string; permission?: Permission }

/** Sub-navigation of /settings. Security (your own 2FA) is for everyone. */
export const settingsItems: readonly SettingsItem[] = [
  { label: 'Organization', to: '/settings/org', permission: 'org:read' },
  { label: 'Members', to: '/settings/members', permission: 'members:read' },
  { label: 'API keys', to: '/settings/api-keys', permission: 'api_keys:read' },
  { label: 'Webhooks', to: '/settings/webhooks', permission: 'webhooks:manage' },
  { label: 'Security', to: '/settings/security' },
]

export function visibleSettingsItems(permissions: readonly string[]): SettingsItem[] {
  return settingsItems.filter((item) => !item.permission || permissions.includes(item.permission))
}

import type { ReactNode } from 'react'
import { useAuth } from '@/lib/auth'
import { ROLES, type Role } from '@/lib/closed-sets'

/** Permission strings of GET /auth/me; the backend derives them from the role (and keeps the matrix). */
export const PERMISSIONS = [
  'org:read',
  'org:update',
  'members:read',
  'members:manage',
  'api_keys:read',
  'api_keys:manage',
  'audit:read',
  'agents:read',
  'agents:write',
  'runs:read',
  'budgets:manage',
  'policies:manage',
  'approvals:decide',
  'controls:pause',
  'controls:kill_switch',
  'webhooks:manage',
] as const

export type Permission = (typeof PERMISSIONS)[number]

/**
 * The lowest role that has a permission, as the backend's role matrix grants it (every higher role has it too),
 * for the hint of a button that the user's role may not use.
 */
export const LOWEST_ROLE: Record<Permission, Role> = {
  'org:read': 'viewer',
  'org:update': 'admin',
  'members:read': 'viewer',
  'members:manage': 'admin',
  'api_keys:read': 'member',
  'api_keys:manage': 'team_lead',
  'audit:read': 'admin',
  'agents:read': 'viewer',
  'agents:write': 'member',
  'runs:read': 'viewer',
  'budgets:manage': 'team_lead',
  'policies:manage': 'team_lead',
  'approvals:decide': 'team_lead',
  'controls:pause': 'team_lead',
  'controls:kill_switch': 'admin',
  'webhooks:manage': 'admin',
}

const PLURALS: Record<Role, string> = { admin: 'admins', team_lead: 'team leads', member: 'members', viewer: 'viewers' }

/** "Only team leads and admins can do this." */
export function whoCan(permission: Permission): string {
  const lowest = LOWEST_ROLE[permission]
  const roles = ROLES.slice(0, ROLES.indexOf(lowest) + 1)
    .reverse()
    .map((role) => PLURALS[role])
  const list = roles.length === 1 ? roles[0] : `${roles.slice(0, -1).join(', ')} and ${roles[roles.length - 1]}`
  return `Only ${list} can do this.`
}

/** True when every permission asked for is granted. Unknown or missing permission lists grant nothing. */
export function can(granted: readonly string[] | null | undefined, required: Permission | readonly Permission[]): boolean {
  if (!granted) return false
  const needed: readonly Permission[] = typeof required === 'string' ? [required] : required
  return needed.every((permission) => granted.includes(permission))
}

/** Whether the signed-in user may do something; false while signed out. */
export function useCan(required: Permission | readonly Permission[]): boolean {
  return can(useAuth().me?.permissions, required)
}

/** Renders its children only for users with the permission(s): a viewer sees no button it cannot use. */
export function Can({
  permission,
  children,
  fallback = null,
}: {
  permission: Permission | readonly Permission[]
  children: ReactNode
  fallback?: ReactNode
}) {
  return <>{useCan(permission) ? children : fallback}</>
}

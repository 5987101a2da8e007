import type { ReactNode } from 'react'
import { useAuth } from '@/lib/auth'

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
] as const

export type Permission = (typeof PERMISSIONS)[number]

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

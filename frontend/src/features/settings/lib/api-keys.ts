import type { ApiKey } from '@/features/settings/api/get-api-keys'

export type ApiKeyStatus = 'active' | 'revoked' | 'expired'

/** Revoked wins over expired: a revoked key was switched off on purpose. */
export function apiKeyStatus(key: Pick<ApiKey, 'revoked_at' | 'expires_at'>, now: number = Date.now()): ApiKeyStatus {
  if (key.revoked_at) return 'revoked'
  if (key.expires_at && new Date(key.expires_at).getTime() <= now) return 'expired'
  return 'active'
}

export const EXPIRY_OPTIONS = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
] as const

export type ExpiryOption = (typeof EXPIRY_OPTIONS)[number]['value']

/** The `expires_at` to send for a choice of the form; undefined for keys that never expire. */
export function expiresAtFor(option: ExpiryOption, now: number = Date.now()): string | undefined {
  if (option === 'never') return undefined
  return new Date(now + Number(option) * 86_400_000).toISOString()
}

/** What a scope lets a key do, for the form. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  ingest: 'Send runs and events (SDKs, agents)',
  read: 'Read agents, runs, costs and dashboards',
  'policies:check': 'Ask policies whether an action is allowed',
  admin: 'Everything, including managing the organization',
}

export function scopesProblem(scopes: readonly string[]): string | undefined {
  return scopes.length === 0 ? 'Pick at least one scope.' : undefined
}

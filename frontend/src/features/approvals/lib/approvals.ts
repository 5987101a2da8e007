import { isApiError } from '@/lib/http'

/** What is left of a pending request's time, for its countdown: "14m 05s", "2h 10m", "1d 3h", or expired. */
export type Countdown = { text: string; expired: boolean; /** under 5 minutes left: shown in red */ urgent: boolean }

const pad = (n: number) => String(n).padStart(2, '0')

export function countdown(expiresAt: string, now: number = Date.now()): Countdown {
  const left = Date.parse(expiresAt) - now
  if (Number.isNaN(left) || left <= 0) return { text: 'expired', expired: true, urgent: true }
  const seconds = Math.floor(left / 1000)
  const d = Math.floor(seconds / 86_400)
  const h = Math.floor((seconds % 86_400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const text = d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${pad(m)}m` : `${m}m ${pad(s)}s`
  return { text, expired: false, urgent: left < 5 * 60_000 }
}

export type ContextEntry = { key: string; /** a readable value, or null when it is nested (then `json`) */ text: string | null; json: string | null }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The action an approval is bound to as key/value rows: `type` first, then the other keys in order. Scalars and
 * lists of scalars read as text; nested objects fall back to indented JSON.
 */
export function contextEntries(action: unknown): ContextEntry[] {
  if (!isPlainObject(action)) return []
  const keys = Object.keys(action).sort((a, b) => (a === 'type' ? -1 : b === 'type' ? 1 : 0))
  return keys.map((key) => {
    const value = action[key]
    if (value === null || value === undefined) return { key, text: '—', json: null }
    if (typeof value === 'string') return { key, text: value, json: null }
    if (typeof value === 'number' || typeof value === 'boolean') return { key, text: String(value), json: null }
    if (Array.isArray(value) && value.every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item))) {
      return { key, text: value.map((item) => String(item)).join(', '), json: null }
    }
    return { key, text: null, json: JSON.stringify(value, null, 2) }
  })
}

/** "role:team_lead" → "Team leads and above", "user:<id>" → "User <id…>". */
export function approverLabel(approver: string): string {
  const [kind, rest = ''] = approver.split(':', 2)
  if (kind === 'role') {
    const names: Record<string, string> = { admin: 'Admins', team_lead: 'Team leads and above', member: 'Members and above', viewer: 'Everyone' }
    return names[rest] ?? approver
  }
  if (kind === 'user') return `User ${rest.slice(0, 8)}`
  return approver
}

/** The sentence for a refused decision; the 409s of docs/api.md in words a person can act on. */
export function decisionErrorMessage(error: unknown): string {
  if (isApiError(error, 'already_decided')) return 'Someone else decided this request a moment ago. The list has been refreshed.'
  if (isApiError(error, 'approval_expired')) return 'This request expired before your decision; the agent was told it timed out.'
  if (isApiError(error, 'agent_paused'))
    return 'The agent is paused or the organization is halted: it cannot be approved now. Resume the agent first, or reject.'
  if (isApiError(error, 'forbidden')) return 'You are not one of the approvers this policy names.'
  if (error instanceof Error && error.message) return error.message
  return 'The decision could not be saved. Try again.'
}

/** Whether the user may decide a request: `approvals:decide` and one of its approvers (role or above, or by id). */
export function mayDecide(me: { role: string; id: string } | null | undefined, approvers: readonly string[], hasPermission: boolean): boolean {
  if (!me || !hasPermission) return false
  const order = ['viewer', 'member', 'team_lead', 'admin']
  const list = approvers.length ? approvers : ['role:team_lead']
  return list.some((approver) => {
    const [kind, rest = ''] = approver.split(':', 2)
    if (kind === 'role') return order.indexOf(me.role) >= order.indexOf(rest) && order.indexOf(rest) >= 0
    return kind === 'user' && rest === me.id
  })
}

import { describe, expect, it } from 'vitest'
import { approverLabel, contextEntries, countdown, decisionErrorMessage, mayDecide } from '@/features/approvals/lib/approvals'
import { ApiError } from '@/lib/http'

const now = Date.now()
const inMs = (ms: number) => new Date(now + ms).toISOString()

describe('countdown', () => {
  it('shows minutes and seconds under an hour, urgent under 5 minutes', () => {
    expect(countdown(inMs(14 * 60_000 + 5_000), now)).toEqual({ text: '14m 05s', expired: false, urgent: false })
    expect(countdown(inMs(4 * 60_000 + 59_000), now)).toEqual({ text: '4m 59s', expired: false, urgent: true })
  })
  it('shows hours and minutes, then days and hours', () => {
    expect(countdown(inMs(2 * 3_600_000 + 10 * 60_000), now).text).toBe('2h 10m')
    expect(countdown(inMs(27 * 3_600_000 + 30_000), now).text).toBe('1d 3h')
  })
  it('is expired at and after the deadline, and for an unreadable date', () => {
    expect(countdown(inMs(0), now).expired).toBe(true)
    expect(countdown(inMs(-1_000), now)).toEqual({ text: 'expired', expired: true, urgent: true })
    expect(countdown('not a date', now).expired).toBe(true)
  })
})

describe('contextEntries', () => {
  it('puts type first and renders scalars and scalar lists as text', () => {
    expect(contextEntries({ discount_percent: 15, type: 'apply_discount', target: 'c-42', tags: ['eu', 'vip'], ok: true, none: null })).toEqual([
      { key: 'type', text: 'apply_discount', json: null },
      { key: 'discount_percent', text: '15', json: null },
      { key: 'target', text: 'c-42', json: null },
      { key: 'tags', text: 'eu, vip', json: null },
      { key: 'ok', text: 'true', json: null },
      { key: 'none', text: '—', json: null },
    ])
  })
  it('falls back to JSON for nested values', () => {
    const [entry] = contextEntries({ customer: { id: 'c-1', tier: 2 } })
    expect(entry.text).toBeNull()
    expect(JSON.parse(entry.json ?? '')).toEqual({ id: 'c-1', tier: 2 })
  })
  it('has no rows for a non-object', () => {
    expect(contextEntries(null)).toEqual([])
    expect(contextEntries([1, 2])).toEqual([])
  })
})

describe('decisionErrorMessage', () => {
  const conflict = (code: string) => new ApiError({ status: 409, code, message: 'raw' })
  it('explains each 409 of a decision', () => {
    expect(decisionErrorMessage(conflict('already_decided'))).toMatch(/Someone else decided/)
    expect(decisionErrorMessage(conflict('approval_expired'))).toMatch(/expired/)
    expect(decisionErrorMessage(conflict('agent_paused'))).toMatch(/paused/)
  })
  it('keeps the message of other errors', () => {
    expect(decisionErrorMessage(new ApiError({ status: 500, code: 'internal', message: 'Boom' }))).toBe('Boom')
  })
})

describe('mayDecide', () => {
  const lead = { role: 'team_lead', id: 'u1' }
  it('needs the permission and one matching approver (role or above, or the user)', () => {
    expect(mayDecide(lead, ['role:team_lead'], true)).toBe(true)
    expect(mayDecide({ role: 'admin', id: 'u2' }, ['role:team_lead'], true)).toBe(true)
    expect(mayDecide(lead, ['role:admin'], true)).toBe(false)
    expect(mayDecide(lead, ['role:admin', 'user:u1'], true)).toBe(true)
    expect(mayDecide(lead, ['role:team_lead'], false)).toBe(false)
    expect(mayDecide(null, ['role:team_lead'], true)).toBe(false)
  })
  it('defaults to team leads when the request names nobody', () => {
    expect(mayDecide(lead, [], true)).toBe(true)
    expect(mayDecide({ role: 'member', id: 'u3' }, [], true)).toBe(false)
  })
  it('labels approvers', () => {
    expect(approverLabel('role:team_lead')).toBe('Team leads and above')
    expect(approverLabel('user:12345678-aaaa')).toBe('User 12345678')
  })
})

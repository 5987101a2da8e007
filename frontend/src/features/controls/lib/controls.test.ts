import { describe, expect, it } from 'vitest'
import {
  confirmationMatches,
  type ControlHistoryEntry,
  haltSentence,
  historyLine,
  mergeControlHistory,
} from '@/features/controls/lib/controls'

const at = (iso: string | null | undefined) => `<${iso}>`

describe('the halt banner', () => {
  it('says who halted the agents, when and why', () => {
    const halt = { engaged: true, engaged_by: { type: 'user' as const, id: 'u1', name: 'Ana Admin' }, engaged_at: '2026-03-04T10:15:02Z', reason: ' incident 42 ' }
    expect(haltSentence(halt, at)).toBe('All agents halted by Ana Admin at <2026-03-04T10:15:02Z>: incident 42')
  })

  it('names an API key as one and leaves out a missing reason', () => {
    const halt = { engaged: true, engaged_by: { type: 'api_key' as const, id: 'k1', name: 'ci' }, engaged_at: '2026-03-04T10:15:02Z', reason: null }
    expect(haltSentence(halt, at)).toBe('All agents halted by API key "ci" at <2026-03-04T10:15:02Z>')
  })
})

describe('the kill switch confirmation', () => {
  const org = { name: 'Acme Robotics', slug: 'acme-robotics' }

  it('takes the name or the slug, typed exactly', () => {
    expect(confirmationMatches('Acme Robotics', org)).toBe(true)
    expect(confirmationMatches('  acme-robotics ', org)).toBe(true)
    expect(confirmationMatches('acme robotics', org)).toBe(false)
    expect(confirmationMatches('', org)).toBe(false)
  })
})

const entry = (overrides: Partial<ControlHistoryEntry>): ControlHistoryEntry => ({
  id: 'e',
  seq: 1,
  action: 'agent.paused',
  actor_type: 'user',
  actor_id: 'u1',
  entity_id: 'a1',
  changes: {},
  created_at: '2026-03-04T10:00:00Z',
  ...overrides,
})

describe('the control history', () => {
  it('merges the per-action pages newest first, without duplicates, up to the limit', () => {
    const merged = mergeControlHistory(
      [
        [entry({ id: 'p1', seq: 3 }), entry({ id: 'p0', seq: 1 })],
        [entry({ id: 'h1', seq: 5, action: 'org.halted' })],
        [entry({ id: 'p1', seq: 3 }), entry({ id: 'r1', seq: 4, action: 'agent.resumed' })],
      ],
      3,
    )
    expect(merged.map((e) => e.id)).toEqual(['h1', 'r1', 'p1'])
  })

  it('says what happened, to which agent and why', () => {
    const names = (id: string) => (id === 'a1' ? 'Support bot' : undefined)
    expect(historyLine(entry({ changes: { reason: 'loops' } }), names)).toBe('Paused Support bot: loops')
    expect(historyLine(entry({ action: 'agent.resumed', entity_id: 'gone', changes: { slug: 'old-bot' } }), names)).toBe('Resumed old-bot')
    expect(historyLine(entry({ action: 'agent.resumed', entity_id: 'gone' }), names)).toBe('Resumed an agent')
    expect(historyLine(entry({ action: 'org.halted', changes: { reason: 'incident', paused_agent_count: 3 } }))).toBe(
      'Stopped all agents (3 paused): incident',
    )
    expect(historyLine(entry({ action: 'org.released', changes: { reason: 'fixed', resumed_agent_count: 3 } }))).toBe(
      'Released the kill switch (3 resumed): fixed',
    )
  })
})

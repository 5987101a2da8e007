import { describe, expect, it } from 'vitest'
import {
  decisionsSentence,
  diffRules,
  draftFromRule,
  emptyDraft,
  errorsByTarget,
  pointerTarget,
  ruleErrorsOf,
  ruleFromDraft,
  valueFromText,
  valueText,
} from '@/features/policies/lib/rules'

const nested = {
  type: 'conditional',
  conditions: [
    { field: 'agent.name', operator: 'equals', value: 'SalesBot' },
    {
      any: [
        { field: 'action.discount_percent', operator: 'greater_than', value: 10 },
        { all: [{ field: 'time.weekday', operator: 'in', value: ['saturday', 'sunday'] }] },
      ],
    },
    { field: 'action.cc', operator: 'exists' },
  ],
  action: 'require_approval',
  approval_required_from: ['role:team_lead'],
  timeout_minutes: 60,
  on_error: 'block',
}

describe('rule builder ↔ JSON', () => {
  it('round-trips the nested example of docs/api.md exactly', () => {
    const draft = draftFromRule(nested)
    expect(draft).not.toBeNull()
    expect(draft?.conditions[1]).toMatchObject({ kind: 'group', mode: 'any' })
    expect(ruleFromDraft(draft!)).toEqual(nested)
  })
  it('round-trips a CEL expression rule and keeps unknown keys', () => {
    const rule = { type: 'expression', expression: "action.amount > 1000 && agent.environment == 'prod'", action: 'block', note: 'kept' }
    const draft = draftFromRule(rule)
    expect(draft).toMatchObject({ type: 'expression', extra: { note: 'kept' } })
    expect(ruleFromDraft(draft!)).toEqual(rule)
  })
  it('refuses shapes the builder cannot show (then the JSON editor is the only editor)', () => {
    expect(draftFromRule({ type: 'conditional', conditions: [{ field: 'a.b', operator: 'equals', value: 1, weird: true }], action: 'block' })).toBeNull()
    expect(draftFromRule({ type: 'other' })).toBeNull()
    expect(draftFromRule({ type: 'conditional', conditions: [], action: 'maybe' })).toBeNull()
    expect(draftFromRule([])).toBeNull()
  })
  it('writes approvers for require_approval and leaves defaults out', () => {
    const draft = { ...emptyDraft(), action: 'require_approval' as const, approvers: ['role:admin'] }
    expect(ruleFromDraft(draft)).toEqual({
      type: 'conditional',
      conditions: [{ field: 'action.type', operator: 'equals', value: '' }],
      action: 'require_approval',
      approval_required_from: ['role:admin'],
    })
  })
})

describe('condition values', () => {
  it('parses what was typed by operator', () => {
    expect(valueFromText('in', 'saturday, sunday , 3')).toEqual(['saturday', 'sunday', 3])
    expect(valueFromText('greater_than', ' 10.5')).toBe(10.5)
    expect(valueFromText('greater_than', 'ten')).toBe('ten')
    expect(valueFromText('equals', '10')).toBe(10)
    expect(valueFromText('equals', 'prod')).toBe('prod')
    expect(valueFromText('equals', 'null')).toBeNull()
    expect(valueFromText('contains', '42')).toBe('42')
    expect(valueFromText('exists', 'false')).toBe(false)
  })
  it('shows values as text', () => {
    expect(valueText(['a', 2])).toBe('a, 2')
    expect(valueText(10)).toBe('10')
    expect(valueText(undefined)).toBe('')
    expect(valueText({ a: 1 })).toBe('{"a":1}')
  })
})

describe('error pointers', () => {
  it('maps pointers into nested groups to the node and its key', () => {
    expect(pointerTarget('/conditions/1/any/0/operator')).toEqual({ path: [1, 0], key: 'operator' })
    expect(pointerTarget('/conditions/1/any/1/all/0/value')).toEqual({ path: [1, 1, 0], key: 'value' })
    expect(pointerTarget('/conditions/2')).toEqual({ path: [2], key: null })
    expect(pointerTarget('/conditions')).toEqual({ path: [], key: 'conditions' })
    expect(pointerTarget('/approval_required_from/0')).toEqual({ path: [], key: 'approval_required_from' })
    expect(pointerTarget('/a~1b')).toEqual({ path: [], key: 'a/b' })
  })
  it('groups the problems by target', () => {
    const map = errorsByTarget([
      { pointer: '/conditions/0/value', problem: 'needs a number' },
      { pointer: '/conditions/0/value', problem: 'too long' },
      { pointer: '/action', problem: 'unknown action' },
    ])
    expect(map.get('0:value')).toEqual(['needs a number', 'too long'])
    expect(map.get(':action')).toEqual(['unknown action'])
  })
  it('reads details.rule_errors defensively', () => {
    expect(ruleErrorsOf({ rule_errors: [{ pointer: '/x', problem: 'p' }, { pointer: 1 }, 'junk'] })).toEqual([{ pointer: '/x', problem: 'p' }])
    expect(ruleErrorsOf(undefined)).toEqual([])
  })
})

describe('diffRules', () => {
  it('lists changed, added and removed leaves by pointer', () => {
    const before = { type: 'conditional', conditions: [{ field: 'action.amount', operator: 'greater_than', value: 100 }], action: 'block' }
    const after = {
      type: 'conditional',
      conditions: [{ field: 'action.amount', operator: 'greater_than', value: 500 }],
      action: 'require_approval',
      approval_required_from: ['role:admin'],
    }
    expect(diffRules(before, after)).toEqual([
      { pointer: '/action', kind: 'changed', before: '"block"', after: '"require_approval"' },
      { pointer: '/approval_required_from', kind: 'added', after: '["role:admin"]' },
      { pointer: '/conditions/0/value', kind: 'changed', before: '100', after: '500' },
    ])
    expect(diffRules(after, before).find((line) => line.pointer === '/approval_required_from')?.kind).toBe('removed')
    expect(diffRules(before, before)).toEqual([])
  })
})

describe('decisionsSentence', () => {
  const zero = { allow: 0, block: 0, require_approval: 0 }
  it('says what a shadow policy would have done', () => {
    expect(decisionsSentence('shadow', { enforced: zero, shadow: { allow: 3, block: 12, require_approval: 0 } })).toBe('Would have blocked 12 actions in the last 24 h')
    expect(decisionsSentence('active', { enforced: { allow: 5, block: 1, require_approval: 2 }, shadow: zero })).toBe('Last 24 h: 1 blocked, 2 held for approval, 5 allowed')
  })
})

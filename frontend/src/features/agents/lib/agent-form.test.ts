import { describe, expect, it } from 'vitest'
import type { Agent } from '@/features/agents/api/get-agents'
import {
  agentChanges,
  EMPTY_AGENT,
  parseConfig,
  parseTags,
  slugify,
  toCreateInput,
  validateAgent,
  valuesOf,
} from '@/features/agents/lib/agent-form'

const agent: Agent = {
  id: 'a1',
  name: 'Support bot',
  slug: 'support-bot',
  type: 'assistant',
  provider: 'openai',
  status: 'active',
  team: null,
  tags: ['prod'],
  environment: 'production',
  config: { temperature: 0.2 },
  runs_24h: 0,
  error_rate_24h: 0,
  cost_24h_usd: 0,
  last_run_at: null,
  created_at: '2026-03-01T00:00:00Z',
  updated_at: '2026-03-01T00:00:00Z',
  budget_status: 'ok',
}

describe('parseConfig', () => {
  it('reads a JSON object; empty is {}', () => {
    expect(parseConfig(' {"a": 1} ')).toEqual({ value: { a: 1 } })
    expect(parseConfig('  ')).toEqual({ value: {} })
  })

  it('refuses invalid JSON and non-objects', () => {
    expect(parseConfig('{a: 1}')).toHaveProperty('problem')
    expect((parseConfig('{a: 1}') as { problem: string }).problem).toMatch(/^Not valid JSON/)
    expect(parseConfig('[1]')).toEqual({ problem: 'Use a JSON object, like {"temperature": 0.2}.' })
    expect(parseConfig('null')).toHaveProperty('problem')
  })
})

describe('validateAgent', () => {
  it('needs a name and a well-formed slug, tags and config', () => {
    const errors = validateAgent({ ...EMPTY_AGENT, name: ' ', slug: 'Bad Slug', tags: 'x'.repeat(51), config: '{' }, { creating: true })
    expect(Object.keys(errors).sort()).toEqual(['config', 'name', 'slug', 'tags'])
  })

  it('accepts a minimal agent', () => {
    expect(validateAgent({ ...EMPTY_AGENT, name: 'Bot' }, { creating: true })).toEqual({})
  })

  it('ignores the slug when editing (it cannot change)', () => {
    expect(validateAgent({ ...EMPTY_AGENT, name: 'Bot', slug: 'Whatever' }, { creating: false })).toEqual({})
  })

  it('limits tags to 20', () => {
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',')
    expect(validateAgent({ ...EMPTY_AGENT, name: 'Bot', tags }, { creating: true }).tags).toBe('Use at most 20 tags.')
  })
})

describe('toCreateInput', () => {
  it('trims, drops blank optional fields and parses tags and config', () => {
    expect(
      toCreateInput({ ...EMPTY_AGENT, name: ' Bot ', slug: '', provider: 'openai', tags: 'a, b, a,', config: '{"t": 1}', environment: ' ' }),
    ).toEqual({ name: 'Bot', provider: 'openai', tags: ['a', 'b'], config: { t: 1 } })
  })

  it('leaves out an empty config', () => {
    expect(toCreateInput({ ...EMPTY_AGENT, name: 'Bot' })).toEqual({ name: 'Bot', environment: 'production' })
  })
})

describe('agentChanges', () => {
  it('is empty for the agent as loaded', () => {
    expect(agentChanges(agent, valuesOf(agent))).toEqual({})
  })

  it('sends only the changed fields', () => {
    const values = { ...valuesOf(agent), name: 'Support bot 2', tags: 'prod, eu', team: 'cx', config: '{"temperature": 0.5}' }
    expect(agentChanges(agent, values)).toEqual({ name: 'Support bot 2', tags: ['prod', 'eu'], team: 'cx', config: { temperature: 0.5 } })
  })
})

describe('slugify and parseTags', () => {
  it('suggests a slug from the name', () => {
    expect(slugify('  Support Bot — v2! ')).toBe('support-bot-v2')
    expect(slugify('Café déjà vu')).toBe('cafe-deja-vu')
  })

  it('deduplicates tags', () => {
    expect(parseTags('prod, ,eu,prod')).toEqual(['prod', 'eu'])
  })
})

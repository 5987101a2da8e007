import { describe, expect, it } from 'vitest'
import { actorName } from '@/lib/actors'
import { reasonProblem } from '@/lib/reasons'

describe('reasons', () => {
  it('are required and at most 500 characters after trimming', () => {
    expect(reasonProblem('   ')).toMatch(/Say why/)
    expect(reasonProblem('x'.repeat(501))).toMatch(/under 500/)
    expect(reasonProblem(` ${'x'.repeat(500)} `)).toBeNull()
  })
})

describe('actorName', () => {
  it('names users, API keys and the system', () => {
    expect(actorName({ type: 'user', id: 'u1', name: 'Ana' })).toBe('Ana')
    expect(actorName({ type: 'api_key', id: 'k1', name: 'ci' })).toBe('API key "ci"')
    expect(actorName({ type: 'system', name: '' })).toBe('the system')
    expect(actorName(null)).toBe('someone')
  })
})

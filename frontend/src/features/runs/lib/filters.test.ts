import { describe, expect, it } from 'vitest'
import { EMPTY_RUN_FILTERS, hasRunFilters, runFiltersFromSearch, runFiltersProblem, runFiltersToSearch } from '@/features/runs/lib/filters'

describe('run filters in the URL', () => {
  it('reads known parameters and drops unreadable values', () => {
    const filters = runFiltersFromSearch(new URLSearchParams('status=failed&model=gpt-4o&min_cost=abc&from=nope&to=2026-03-01T00:00:00Z&x=1'))
    expect(filters).toEqual({ ...EMPTY_RUN_FILTERS, status: 'failed', model: 'gpt-4o', to: '2026-03-01T00:00:00.000Z' })
  })

  it('ignores an unknown status', () => {
    expect(runFiltersFromSearch(new URLSearchParams('status=exploded')).status).toBe('')
  })

  it('round-trips in a stable order', () => {
    const filters = { ...EMPTY_RUN_FILTERS, q: 'refund', agent_id: 'a1', min_cost: '0.05', tag: 'prod' }
    expect(runFiltersToSearch(filters).toString()).toBe('agent_id=a1&tag=prod&q=refund&min_cost=0.05')
    expect(runFiltersFromSearch(runFiltersToSearch(filters))).toEqual(filters)
  })

  it('knows which filters are set, ignoring fixed ones', () => {
    expect(hasRunFilters(EMPTY_RUN_FILTERS)).toBe(false)
    expect(hasRunFilters({ ...EMPTY_RUN_FILTERS, agent_id: 'a1' }, ['agent_id'])).toBe(false)
    expect(hasRunFilters({ ...EMPTY_RUN_FILTERS, agent_id: 'a1', status: 'failed' }, ['agent_id'])).toBe(true)
  })

  it('refuses a reversed range and a cost that is not an amount', () => {
    expect(runFiltersProblem({ ...EMPTY_RUN_FILTERS, from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toBe('"From" is after "To".')
    expect(runFiltersProblem({ ...EMPTY_RUN_FILTERS, min_cost: '-1' })).toMatch(/amount in USD/)
    expect(runFiltersProblem({ ...EMPTY_RUN_FILTERS, min_cost: '0.5' })).toBeUndefined()
  })
})

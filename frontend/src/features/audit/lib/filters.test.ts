import { describe, expect, it } from 'vitest'
import {
  EMPTY_FILTERS,
  filtersFromSearch,
  filtersProblem,
  filtersToSearch,
  hasFilters,
  summarizeChanges,
} from '@/features/audit/lib/filters'

describe('audit filters in the URL', () => {
  it('reads the known parameters and ignores the rest', () => {
    const params = new URLSearchParams('actor_type=user&action=api_key.created&foo=bar&from=2026-03-01T00:00:00Z')
    expect(filtersFromSearch(params)).toEqual({
      actor_type: 'user',
      action: 'api_key.created',
      entity_type: '',
      from: '2026-03-01T00:00:00.000Z',
      to: '',
    })
  })

  it('drops unreadable dates', () => {
    expect(filtersFromSearch(new URLSearchParams('from=yesterday&to=2026-13-45')).from).toBe('')
  })

  it('writes only the filters that are set, in a stable order', () => {
    expect(filtersToSearch({ ...EMPTY_FILTERS, entity_type: 'member', actor_type: 'api_key' }).toString()).toBe(
      'actor_type=api_key&entity_type=member',
    )
  })

  it('round-trips', () => {
    const filters = { actor_type: 'system', action: 'org.updated', entity_type: 'org', from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' }
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters)
  })

  it('knows when any filter is set', () => {
    expect(hasFilters(EMPTY_FILTERS)).toBe(false)
    expect(hasFilters({ ...EMPTY_FILTERS, action: 'x' })).toBe(true)
  })

  it('refuses a range that ends before it starts', () => {
    expect(filtersProblem({ ...EMPTY_FILTERS, from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toBe('"From" is after "To".')
    expect(filtersProblem({ ...EMPTY_FILTERS, from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' })).toBeUndefined()
  })
})

describe('summarizeChanges', () => {
  it('lists the keys whose values differ in a before/after diff', () => {
    expect(summarizeChanges({ before: { role: 'member', teams: ['a'], name: 'x' }, after: { role: 'admin', teams: ['a'], name: 'x' } })).toEqual([
      'role',
    ])
  })

  it('counts keys present on one side only', () => {
    expect(summarizeChanges({ after: { name: 'ci', scopes: ['ingest'] } })).toEqual(['name', 'scopes'])
  })

  it('lists the keys of any other object', () => {
    expect(summarizeChanges({ plan: ['free', 'team'], name: ['a', 'b'] })).toEqual(['name', 'plan'])
  })

  it.each([null, undefined, 'text', 3, ['a']])('is empty for %j', (changes) => {
    expect(summarizeChanges(changes)).toEqual([])
  })
})

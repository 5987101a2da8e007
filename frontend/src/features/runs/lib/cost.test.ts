import { describe, expect, it } from 'vitest'
import { breakdownRows, usageProvenance } from '@/features/runs/lib/cost'

describe('breakdownRows', () => {
  it('lists kinds largest first with their share', () => {
    expect(breakdownRows({ input: 0.001, output: 0.003, cache_read: 0 })).toEqual([
      { kind: 'output', label: 'Output', usd: 0.003, share: 0.75 },
      { kind: 'input', label: 'Input', usd: 0.001, share: 0.25 },
      { kind: 'cache_read', label: 'Cache read', usd: 0, share: 0 },
    ])
  })

  it('is empty without a breakdown', () => {
    expect(breakdownRows(null)).toEqual([])
  })
})

describe('usageProvenance', () => {
  it('says why an unrecognised usage has no cost and lists its keys', () => {
    const text = usageProvenance('usage_unrecognized', ['tokens_in', 'tokens_out'])
    expect(text).toContain('matched no known shape (keys: tokens_in, tokens_out)')
    expect(text).toContain('not $0')
    expect(text).toContain('usage_format')
  })

  it('points at the timeline when an event of the run was not recognised', () => {
    expect(usageProvenance('usage_unrecognized', [])).toContain('see the timeline')
    expect(usageProvenance('usage_unrecognized', [], 'event')).toContain('matched no known shape, so it was not priced')
  })

  it('lists the keys left out of a priced usage and says nothing otherwise', () => {
    expect(usageProvenance('computed', ['image_units'])).toBe('Priced from the recognised counts; these usage keys were not priced: image_units.')
    expect(usageProvenance('computed', [])).toBeNull()
    expect(usageProvenance('unpriced', undefined)).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { breakdownRows } from '@/features/runs/lib/cost'

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

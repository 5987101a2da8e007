import { describe, expect, it } from 'vitest'
import { bucketOf, bucketStarts, fillBuckets, formatBucket, formatBucketLong, formatChange, formatPointChange, percentChange, toShares } from '@/lib/series'

const day = { from: '2026-03-01T10:30:00Z', to: '2026-03-01T13:10:00Z', bucket: 'hour' as const }

describe('bucketStarts', () => {
  it('lists every hour from the one holding `from` to the one holding `to`', () => {
    expect(bucketStarts(day.from, day.to, 'hour').map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T11:00:00.000Z',
      '2026-03-01T12:00:00.000Z',
      '2026-03-01T13:00:00.000Z',
    ])
  })

  it('lists days for long ranges', () => {
    expect(bucketStarts('2026-03-01T10:00:00Z', '2026-03-03T01:00:00Z', 'day')).toHaveLength(3)
  })

  it('is empty for a reversed or unreadable range', () => {
    expect(bucketStarts(day.to, day.from, 'hour')).toEqual([])
    expect(bucketStarts('nope', day.to, 'hour')).toEqual([])
  })
})

describe('fillBuckets', () => {
  it('fills missing buckets with zero for counts and null for averages', () => {
    const rows = fillBuckets(
      [{ bucket: '2026-03-01T11:00:00Z', runs: 4, latency_p50_ms: 120 }],
      day,
      { zero: ['runs'], gaps: ['latency_p50_ms'] },
    )
    expect(rows.map((r) => [new Date(r.bucket).getUTCHours(), r.runs, r.latency_p50_ms])).toEqual([
      [10, 0, null],
      [11, 4, 120],
      [12, 0, null],
      [13, 0, null],
    ])
  })

  it('keeps a bucket the API reports with a null average as a gap', () => {
    const rows = fillBuckets([{ bucket: '2026-03-01T12:00:00Z', runs: 2, latency_p50_ms: null }], day, {
      zero: ['runs'],
      gaps: ['latency_p50_ms'],
    })
    expect(rows[2]).toEqual({ bucket: Date.parse('2026-03-01T12:00:00Z'), runs: 2, latency_p50_ms: null })
  })

  it('keeps points off the grid in time order', () => {
    const rows = fillBuckets([{ bucket: '2026-03-01T11:30:00Z', runs: 1 }], day, { zero: ['runs'] })
    expect(rows).toHaveLength(5)
    expect(rows[2]).toEqual({ bucket: Date.parse('2026-03-01T11:30:00Z'), runs: 1 })
  })

  it('treats missing numbers in a point as zero', () => {
    const rows = fillBuckets([{ bucket: '2026-03-01T10:00:00Z' }], day, { zero: ['runs', 'cost_usd'] })
    expect(rows[0]).toEqual({ bucket: Date.parse('2026-03-01T10:00:00Z'), runs: 0, cost_usd: 0 })
  })
})

describe('percentChange', () => {
  it('compares with the previous period', () => {
    expect(percentChange(150, 100)).toEqual({ kind: 'change', ratio: 0.5 })
    expect(percentChange(50, 100)).toEqual({ kind: 'change', ratio: -0.5 })
  })

  it('does not divide by zero', () => {
    expect(percentChange(0, 0)).toEqual({ kind: 'none' })
    expect(percentChange(3, 0)).toEqual({ kind: 'new' })
    expect(percentChange(3, null)).toEqual({ kind: 'new' })
  })

  it('says when nothing changed', () => {
    expect(percentChange(7, 7)).toEqual({ kind: 'none' })
  })

  it('formats changes for people', () => {
    expect(formatChange({ kind: 'change', ratio: 0.125 })).toBe('+12.5%')
    expect(formatChange({ kind: 'change', ratio: -0.5 })).toBe('−50%')
    expect(formatChange({ kind: 'change', ratio: 12.345 })).toBe('+1,235%')
    expect(formatChange({ kind: 'new' })).toBe('new')
    expect(formatChange({ kind: 'none' })).toBe('no change')
  })

  it('shows error-rate changes in percentage points', () => {
    expect(formatPointChange(0.15, 0.1)).toBe('+5.0 pp')
    expect(formatPointChange(0.1, 0.15)).toBe('−5.0 pp')
    expect(formatPointChange(0.1, 0.1)).toBe('no change')
  })
})

describe('bucketOf', () => {
  it('trusts the API and falls back on the span', () => {
    expect(bucketOf({ ...day, bucket: 'day' })).toBe('day')
    expect(bucketOf({ from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' })).toBe('day')
    expect(bucketOf({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z', bucket: 'weird' })).toBe('hour')
  })
})

describe('toShares', () => {
  it('sorts slices, drops empty ones and computes shares', () => {
    expect(toShares([{ label: 'b', value: 1 }, { label: 'a', value: 3 }, { label: 'z', value: 0 }])).toEqual([
      { label: 'a', value: 3, share: 0.75 },
      { label: 'b', value: 1, share: 0.25 },
    ])
  })

  it('sums the tail into "Other"', () => {
    const items = [5, 4, 3, 2, 1].map((value, i) => ({ label: `m${i}`, value }))
    expect(toShares(items, 3).map((s) => [s.label, s.value])).toEqual([['m0', 5], ['m1', 4], ['Other', 6]])
  })

  it('is empty when nothing cost anything', () => {
    expect(toShares([{ label: 'a', value: 0 }])).toEqual([])
  })
})

describe('formatBucket', () => {
  const at = Date.parse('2026-03-04T14:00:00Z')

  it('labels hours with the time and days with the date, in the viewer\'s locale and time zone', () => {
    expect(formatBucket(at, 'hour')).toBe(new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }))
    expect(formatBucket(at, 'day')).toBe(new Date(at).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }))
  })

  it('adds the day to an hour and the year to a day in the long form', () => {
    expect(formatBucketLong(at, 'hour')).toBe(
      new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
    )
    expect(formatBucketLong(at, 'day')).toBe(new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }))
  })
})

import { describe, expect, it } from 'vitest'
import {
  costRangeOf,
  costRangeSearch,
  customRangeProblem,
  dayIn,
  daysBetween,
  exportGroupOf,
  fallbackCsvName,
  filenameFromContentDisposition,
  parseDay,
  prepareDailyCost,
  rangeInstants,
  shownDaysOf,
  unpricedWarning,
} from '@/features/costs/lib/costs'

const figures = (cost_usd: number, runs: number) => ({ cost_usd, runs, unpriced_runs: 0 })

describe('costRangeOf', () => {
  it('defaults to the last 30 days', () => {
    expect(costRangeOf(new URLSearchParams())).toEqual({ kind: 'preset', preset: '30d' })
    expect(costRangeOf(new URLSearchParams('range=nope'))).toEqual({ kind: 'preset', preset: '30d' })
  })

  it('reads a preset and custom days', () => {
    expect(costRangeOf(new URLSearchParams('range=7d'))).toEqual({ kind: 'preset', preset: '7d' })
    expect(costRangeOf(new URLSearchParams('from=2026-11-01&to=2026-11-15'))).toEqual({ kind: 'days', from: '2026-11-01', to: '2026-11-15' })
  })

  it('ignores days that are not dates or are reversed', () => {
    expect(costRangeOf(new URLSearchParams('from=2026-02-30&to=2026-03-02')).kind).toBe('preset')
    expect(costRangeOf(new URLSearchParams('from=2026-11-15&to=2026-11-01')).kind).toBe('preset')
  })

  it('round-trips through the URL, the default as no parameter', () => {
    expect(costRangeSearch({ kind: 'preset', preset: '30d' })).toEqual({})
    for (const range of [{ kind: 'preset', preset: '90d' }, { kind: 'days', from: '2026-01-01', to: '2026-01-31' }] as const) {
      expect(costRangeOf(new URLSearchParams(costRangeSearch(range)))).toEqual(range)
    }
  })
})

describe('parseDay and customRangeProblem', () => {
  it('accepts calendar dates only', () => {
    expect(parseDay('2028-02-29')).toEqual({ y: 2028, m: 2, d: 29 })
    expect(parseDay('2027-02-29')).toBeNull()
    expect(parseDay('2026-1-1')).toBeNull()
  })

  it('says what is wrong with typed days', () => {
    expect(customRangeProblem('', '2026-01-01')).toBe('Pick both days.')
    expect(customRangeProblem('2026-02-01', '2026-01-01')).toBe('The first day must not be after the last.')
    expect(customRangeProblem('2025-01-01', '2026-12-31')).toBe('At most 400 days.')
    expect(customRangeProblem('2026-01-01', '2026-01-01')).toBeNull()
  })
})

describe('rangeInstants', () => {
  const now = Date.parse('2026-11-20T10:00:00Z')

  it('ends a preset now', () => {
    expect(rangeInstants({ kind: 'preset', preset: '7d' }, now)).toEqual({ from: '2026-11-13T10:00:00.000Z', to: '2026-11-20T10:00:00.000Z' })
  })

  it('runs custom days from midnight to the midnight after the last day, never past now', () => {
    const past = rangeInstants({ kind: 'days', from: '2026-11-01', to: '2026-11-02' }, now)
    expect(Date.parse(past.to) - Date.parse(past.from)).toBe(2 * 86_400_000)
    expect(new Date(past.from).getDate()).toBe(1)
    const today = rangeInstants({ kind: 'days', from: '2026-11-19', to: '2026-11-25' }, now)
    expect(Date.parse(today.to)).toBeLessThanOrEqual(now)
  })
})

describe('prepareDailyCost', () => {
  it('has every day of the range in the organization zone, 0 where nothing ran', () => {
    const rows = prepareDailyCost([{ day: '2026-11-19', figures: figures(1.5, 3) }], {
      from: '2026-11-17T10:00:00Z',
      to: '2026-11-20T10:00:00Z',
      timezone: 'UTC',
    })
    expect(rows.map((row) => [row.day, row.cost, row.runs])).toEqual([
      ['2026-11-17', 0, 0],
      ['2026-11-18', 0, 0],
      ['2026-11-19', 1.5, 3],
      ['2026-11-20', 0, 0],
    ])
  })

  it('counts days in the organization zone, not UTC', () => {
    // 23:30 UTC is already the next day in Paris
    expect(dayIn(Date.parse('2026-11-17T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-18')
    const rows = prepareDailyCost([], { from: '2026-11-17T23:30:00Z', to: '2026-11-18T23:30:00Z', timezone: 'Europe/Paris' })
    expect(rows.map((row) => row.day)).toEqual(['2026-11-18', '2026-11-19'])
  })

  it('keeps a day the API sent outside the computed range', () => {
    const rows = prepareDailyCost([{ day: '2026-11-10', figures: figures(2, 1) }], { from: '2026-11-17T00:00:00Z', to: '2026-11-18T00:00:00Z', timezone: 'UTC' })
    expect(rows.map((row) => row.day)).toEqual(['2026-11-10', '2026-11-17'])
  })

  it('prints each bar as its own day', () => {
    const [row] = prepareDailyCost([], { from: '2026-11-17T00:00:00Z', to: '2026-11-18T00:00:00Z', timezone: 'UTC' })
    expect(new Date(row.bucket).getDate()).toBe(17)
  })

  it('names the first and last day shown, the end being exclusive', () => {
    expect(shownDaysOf({ from: '2026-10-21T00:00:00Z', to: '2026-11-20T00:00:00Z', timezone: 'UTC' })).toEqual({ from: '2026-10-21', to: '2026-11-19' })
    expect(shownDaysOf({ from: '2026-11-20T00:00:00Z', to: '2026-11-20T00:00:00Z', timezone: 'UTC' })).toBeUndefined()
  })

  it('stops at the API limit of days', () => {
    expect(daysBetween('2020-01-01', '2030-01-01')).toHaveLength(401)
    expect(daysBetween('2026-01-02', '2026-01-01')).toEqual([])
  })
})

describe('unpricedWarning', () => {
  it('speaks only when runs had no price', () => {
    expect(unpricedWarning(0)).toBeNull()
    expect(unpricedWarning(null)).toBeNull()
    expect(unpricedWarning(1)).toBe('1 run had no price — totals are too low')
    expect(unpricedWarning(1234)).toBe('1,234 runs had no price — totals are too low')
  })
})

describe('filenameFromContentDisposition', () => {
  it('reads the API header', () => {
    expect(filenameFromContentDisposition('attachment; filename="agentops-costs-acme-20261020T1000Z-20261120T1000Z-by-run.csv"')).toBe(
      'agentops-costs-acme-20261020T1000Z-20261120T1000Z-by-run.csv',
    )
  })

  it('prefers the RFC 5987 name and reads unquoted names', () => {
    expect(filenameFromContentDisposition(`attachment; filename="plain.csv"; filename*=UTF-8''co%C3%BBts.csv`)).toBe('coûts.csv')
    expect(filenameFromContentDisposition('attachment; filename=costs.csv')).toBe('costs.csv')
  })

  it('never returns a path or a name without .csv', () => {
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd.csv')
    expect(filenameFromContentDisposition('attachment; filename=C:\\temp\\x.csv')).toBe('x.csv')
  })

  it('is null without a usable name', () => {
    expect(filenameFromContentDisposition(null)).toBeNull()
    expect(filenameFromContentDisposition('attachment')).toBeNull()
    expect(filenameFromContentDisposition('attachment; filename=""')).toBeNull()
  })

  it('has a fallback in the API pattern', () => {
    expect(fallbackCsvName('2026-10-20T10:00:00Z', '2026-11-20T10:00:00.000Z', 'day')).toBe('agentops-costs-20261020T1000Z-20261120T1000Z-by-day.csv')
    expect(exportGroupOf('team')).toBe('team')
    expect(exportGroupOf('nope')).toBe('run')
  })
})

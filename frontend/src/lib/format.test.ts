import { describe, expect, it } from 'vitest'
import { formatCompact, formatUsdAxis, formatDate, formatDuration, formatOffset, formatPercent, formatRelative, formatTokens, formatUsd } from '@/lib/format'

const now = Date.parse('2026-03-10T12:00:00Z')

describe('formatRelative', () => {
  it.each([
    ['2026-03-10T11:59:30Z', 'just now'],
    ['2026-03-10T11:55:00Z', '5 min ago'],
    ['2026-03-10T09:00:00Z', '3 h ago'],
    ['2026-03-08T12:00:00Z', '2 d ago'],
    ['2026-03-13T12:00:00Z', 'in 3 d'],
  ])('%s is %s', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected)
  })

  it('shows the date beyond a month', () => {
    expect(formatRelative('2025-12-01T00:00:00Z', now)).toBe(formatDate('2025-12-01T00:00:00Z'))
  })

  it.each([null, undefined, '', 'not a date'])('shows a dash for %j', (value) => {
    expect(formatRelative(value, now)).toBe('—')
    expect(formatDate(value)).toBe('—')
  })
})

describe('formatUsd', () => {
  it.each([
    [null, '—'],
    [0, '$0.00'],
    [0.00035, '$0.000350'],
    [0.0012345, '$0.001235'],
    [0.0425, '$0.0425'],
    [0.5, '$0.50'],
    [1234.5, '$1,234.50'],
    [-2.5, '-$2.50'],
    [0.0000001, '<$0.000001'],
  ])('%s is %s', (value, expected) => {
    expect(formatUsd(value)).toBe(expected)
  })
})

describe('number formats', () => {
  it('groups token counts by thousands', () => {
    expect(formatTokens(1234567)).toBe('1,234,567')
    expect(formatTokens(undefined)).toBe('—')
  })

  it('shows ratios as percentages', () => {
    expect(formatPercent(0.125)).toBe('12.5%')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(1)).toBe('100%')
    expect(formatPercent(Number.NaN)).toBe('—')
  })

  it('shortens big numbers for axes', () => {
    expect(formatCompact(1500)).toBe('1.5K')
  })
})

describe('durations', () => {
  it.each([
    [350, '350 ms'],
    [1234, '1.2 s'],
    [125_000, '2 min 5 s'],
    [120_000, '2 min'],
    [3_840_000, '1 h 4 min'],
    [null, '—'],
  ])('%s ms is %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected)
  })

  it('shows offsets from the run start with a sign', () => {
    expect(formatOffset(1200)).toBe('+1.2 s')
    expect(formatOffset(0)).toBe('+0 ms')
    expect(formatOffset(-20)).toBe('−20 ms')
  })
})

describe('formatUsdAxis', () => {
  it.each([
    [0, '$0'],
    [0.0045, '$0.0045'],
    [0.013512, '$0.014'],
    [1.5, '$1.5'],
    [1234, '$1.2K'],
  ])('%s is %s', (value, expected) => {
    expect(formatUsdAxis(value)).toBe(expected)
  })
})

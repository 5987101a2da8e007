import { describe, expect, it } from 'vitest'
import { formatDate, formatRelative } from '@/lib/format'

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

import { describe, expect, it } from 'vitest'
import { isoToLocalInput, localInputToIso } from '@/lib/datetime-local'

describe('datetime-local inputs', () => {
  it('round-trips through the local time zone', () => {
    const iso = '2026-03-01T09:30:00.000Z'
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso)
  })

  it('reads a local value as local time', () => {
    expect(new Date(localInputToIso('2026-03-01T09:30')).getHours()).toBe(9)
  })

  it.each(['', 'nope', '2026-03-01'])('is empty for %j', (value) => {
    expect(localInputToIso(value)).toBe('')
    expect(isoToLocalInput(value === '2026-03-01' ? 'garbage' : value)).toBe('')
  })
})

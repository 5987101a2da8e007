import { describe, expect, it } from 'vitest'
import { formatTeams, parseTeams } from '@/features/settings/lib/teams'

describe('parseTeams', () => {
  it('splits, trims and drops blanks', () => {
    expect(parseTeams(' platform, data ,, ')).toEqual(['platform', 'data'])
  })

  it('keeps the first spelling of a repeated team', () => {
    expect(parseTeams('Platform, platform, data')).toEqual(['Platform', 'data'])
  })

  it('accepts one team per line', () => {
    expect(parseTeams('platform\ndata')).toEqual(['platform', 'data'])
  })

  it('is empty for an empty field', () => {
    expect(parseTeams('')).toEqual([])
  })

  it('round-trips with formatTeams', () => {
    expect(parseTeams(formatTeams(['a', 'b c']))).toEqual(['a', 'b c'])
  })
})

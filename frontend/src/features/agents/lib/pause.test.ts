import { describe, expect, it } from 'vitest'
import { pauseTooltip } from '@/features/agents/lib/pause'

const at = (iso: string | null | undefined) => `<${iso}>`

describe('the paused badge', () => {
  it('says why, through which path, who and when', () => {
    expect(
      pauseTooltip(
        { paused_reason: 'loops on refunds', pause_source: 'person', paused_by: { type: 'user', id: 'u1', name: 'Tom Lead' }, paused_at: '2026-03-04T10:00:00Z' },
        at,
      ),
    ).toBe('Reason: loops on refunds · Paused by a person · by Tom Lead · at <2026-03-04T10:00:00Z>')
    expect(pauseTooltip({ paused_reason: null, pause_source: 'budget', paused_by: { type: 'system', name: '' } }, at)).toBe(
      'No reason given · Budget exceeded · by the system',
    )
  })
})

import { describe, expect, it } from 'vitest'
import {
  allMarkedRead,
  bellLabel,
  countAfterRead,
  markedRead,
  notificationHref,
  SEVERITY_TONES,
  severityOf,
  unreadBadge,
} from '@/features/notifications/lib/notifications'

describe('the bell', () => {
  it('shows the unread count, capped', () => {
    expect(unreadBadge(0)).toBeNull()
    expect(unreadBadge(undefined)).toBeNull()
    expect(unreadBadge(7)).toBe('7')
    expect(unreadBadge(99)).toBe('99')
    expect(unreadBadge(100)).toBe('99+')
  })

  it('says the count to assistive technology', () => {
    expect(bellLabel(0)).toBe('Notifications')
    expect(bellLabel(3)).toBe('Notifications, 3 unread')
  })
})

describe('severity', () => {
  it('colours each severity and treats unknown ones as info', () => {
    expect(SEVERITY_TONES[severityOf('critical')]).toBe('danger')
    expect(SEVERITY_TONES[severityOf('warning')]).toBe('warning')
    expect(severityOf('shouting')).toBe('info')
    expect(severityOf(null)).toBe('info')
  })
})

describe('notificationHref', () => {
  it('follows paths of this app', () => {
    expect(notificationHref('/budgets?budget=b1')).toBe('/budgets?budget=b1')
    expect(notificationHref('/agents/a1')).toBe('/agents/a1')
  })

  it.each([null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/x\nSet-Cookie'])('refuses %j', (link) => {
    expect(notificationHref(link)).toBeNull()
  })
})

describe('marking read', () => {
  const at = '2026-11-20T10:00:00Z'
  const items = [
    { id: 'n1', read_at: null },
    { id: 'n2', read_at: '2026-11-19T10:00:00Z' },
    { id: 'n3', read_at: null },
  ]

  it('marks one, keeping an earlier read time', () => {
    expect(markedRead(items, 'n1', at).map((n) => n.read_at)).toEqual([at, '2026-11-19T10:00:00Z', null])
    expect(markedRead(items, 'n2', at)[1].read_at).toBe('2026-11-19T10:00:00Z')
    expect(markedRead(items, 'nope', at)).toEqual(items)
  })

  it('marks all', () => {
    expect(allMarkedRead(items, at).map((n) => n.read_at)).toEqual([at, '2026-11-19T10:00:00Z', at])
  })

  it('lowers the count only for notifications that were unread', () => {
    expect(countAfterRead(5, items, ['n1', 'n2'])).toBe(4)
    expect(countAfterRead(0, items, ['n1', 'n3'])).toBe(0)
  })
})

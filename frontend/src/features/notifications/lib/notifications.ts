import type { BadgeTone } from '@/components/ui/badge'
import { NOTIFICATION_SEVERITIES, type NotificationSeverity } from '@/lib/closed-sets'

/**
 * The bell's and the notifications page's logic without React: the count on the bell, severity colours, where a
 * notification leads (only paths of this app), and the local update after "mark read".
 */

export const SEVERITY_TONES: Record<NotificationSeverity, BadgeTone> = { info: 'accent', warning: 'warning', critical: 'danger' }

export const severityOf = (value: string | null | undefined): NotificationSeverity =>
  (NOTIFICATION_SEVERITIES as readonly string[]).includes(value ?? '') ? (value as NotificationSeverity) : 'info'

/** The number on the bell: nothing at 0, "99+" past 99. */
export function unreadBadge(count: number | null | undefined): string | null {
  if (!count || count <= 0 || !Number.isFinite(count)) return null
  return count > 99 ? '99+' : String(Math.floor(count))
}

/** The bell's accessible name: "Notifications, 3 unread". */
export function bellLabel(count: number | null | undefined): string {
  const badge = unreadBadge(count)
  return badge ? `Notifications, ${badge} unread` : 'Notifications'
}

/**
 * Where clicking a notification goes: a path of this app (`/budgets?budget=...`), never another origin
 * (`//evil.example`, `https://...`, `/\evil`), or null.
 */
export function notificationHref(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null
  if (/[\u0000-\u001f\s]/.test(link)) return null
  return link
}

type Readable = { id: string; read_at?: string | null }

/** The list after marking one notification read (the server's answer when there is one); unknown ids change nothing. */
export function markedRead<N extends Readable>(items: readonly N[], id: string, at: string): N[] {
  return items.map((item) => (item.id === id && !item.read_at ? { ...item, read_at: at } : item))
}

/** The list after "mark all read". */
export function allMarkedRead<N extends Readable>(items: readonly N[], at: string): N[] {
  return items.map((item) => (item.read_at ? item : { ...item, read_at: at }))
}

/** The unread count after marking `ids` read locally, never below 0. */
export function countAfterRead(count: number, items: readonly Readable[], ids: readonly string[]): number {
  const newlyRead = items.filter((item) => ids.includes(item.id) && !item.read_at).length
  return Math.max(0, count - newlyRead)
}

import { Check } from 'lucide-react'
import { Link } from 'react-router'
import { RelativeTime } from '@/components/ui/relative-time'
import type { Notification } from '@/features/notifications/api/notifications'
import { notificationHref, severityOf } from '@/features/notifications/lib/notifications'
import { cn } from '@/lib/cn'

const DOT: Record<string, string> = { info: 'bg-accent-500', warning: 'bg-amber-500', critical: 'bg-red-600' }

/** One notification: severity, title (a link to what it is about), body, time; unread ones stand out. */
export function NotificationItem({
  notification,
  onOpen,
  onMarkRead,
  marking,
  compact = false,
}: {
  notification: Notification
  onOpen?: () => void
  onMarkRead: () => void
  marking?: boolean
  compact?: boolean
}) {
  const unread = !notification.read_at
  const href = notificationHref(notification.link)
  const severity = severityOf(notification.severity)
  const title = <span className={cn('block text-sm', unread ? 'font-semibold text-zinc-900' : 'font-medium text-zinc-700')}>{notification.title}</span>
  return (
    <div data-unread={unread} className={cn('flex items-start gap-3 px-3 py-2.5', unread && 'bg-accent-50/40')}>
      <span aria-hidden className={cn('mt-1.5 size-2 shrink-0 rounded-full', unread ? DOT[severity] : 'bg-zinc-200')} />
      <div className="min-w-0 flex-1">
        {href ? (
          <Link to={href} onClick={onOpen} className="hover:underline">
            {title}
          </Link>
        ) : (
          title
        )}
        <p className={cn('text-xs text-zinc-600', compact && 'line-clamp-2')}>{notification.body}</p>
        <p className="mt-0.5 text-[11px] text-zinc-400">
          <RelativeTime iso={notification.created_at} />
          {unread && <span className="sr-only"> · unread</span>}
        </p>
      </div>
      {unread && (
        <button
          type="button"
          onClick={onMarkRead}
          disabled={marking}
          aria-label={`Mark "${notification.title}" read`}
          title="Mark read"
          className="rounded-md p-1 text-zinc-400 outline-none hover:bg-zinc-100 hover:text-zinc-700 focus-visible:ring-2 focus-visible:ring-accent-500 disabled:opacity-50"
        >
          <Check aria-hidden className="size-4" />
        </button>
      )}
    </div>
  )
}

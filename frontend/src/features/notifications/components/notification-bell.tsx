import { Bell } from 'lucide-react'
import { useEffect, useId, useRef, useState } from 'react'
import { Link } from 'react-router'
import { Spinner } from '@/components/ui/spinner'
import { errorText } from '@/components/ui/form'
import { useLatestNotifications, useMarkAllNotificationsRead, useMarkNotificationRead, useUnreadCount } from '@/features/notifications/api/notifications'
import { NotificationItem } from '@/features/notifications/components/notification-item'
import { bellLabel, unreadBadge } from '@/features/notifications/lib/notifications'

/**
 * The top bar's bell: the unread count (refreshed live by `notification.created`), and a dropdown of the latest
 * notifications with "mark read", "mark all read" and a link to the full list.
 */
export function NotificationBell() {
  const count = useUnreadCount()
  const [open, setOpen] = useState(false)
  const latest = useLatestNotifications(open)
  const markOne = useMarkNotificationRead()
  const markAll = useMarkAllNotificationsRead()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelId = useId()
  const unread = count.data ?? 0
  const badge = unreadBadge(unread)

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      buttonRef.current?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const items = latest.data?.data ?? []
  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="notification-bell"
        onClick={() => setOpen((value) => !value)}
        className="relative rounded-md p-1.5 text-zinc-500 outline-none hover:bg-zinc-100 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-accent-500"
      >
        <Bell aria-hidden className="size-5" strokeWidth={1.75} />
        {badge && (
          <span
            aria-hidden
            data-testid="notification-count"
            className="absolute -right-1 -top-1 min-w-[1.125rem] rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-[1.125rem] text-white ring-2 ring-white"
          >
            {badge}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label="Latest notifications"
          className="absolute right-0 top-full z-40 mt-2 w-96 max-w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xl"
        >
          <div className="flex items-center justify-between border-b border-zinc-100 px-3 py-2">
            <h2 className="text-sm font-semibold text-zinc-900">Notifications</h2>
            <button
              type="button"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
              className="text-xs font-medium text-accent-700 hover:underline disabled:text-zinc-400 disabled:no-underline"
            >
              Mark all read
            </button>
          </div>
          <div className="max-h-[60vh] overflow-y-auto">
            {latest.isPending ? (
              <div className="p-4">
                <Spinner label="Loading the notifications" />
              </div>
            ) : latest.isError ? (
              <p role="alert" className="p-4 text-sm text-red-700">
                {errorText(latest.error)}
              </p>
            ) : items.length === 0 ? (
              <p className="p-4 text-sm text-zinc-500">Nothing yet. Budget alerts show up here.</p>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {items.map((notification) => (
                  <li key={notification.id}>
                    <NotificationItem
                      compact
                      notification={notification}
                      marking={markOne.isPending && markOne.variables === notification.id}
                      onMarkRead={() => markOne.mutate(notification.id)}
                      onOpen={() => {
                        if (!notification.read_at) markOne.mutate(notification.id)
                        setOpen(false)
                      }}
                    />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <Link to="/notifications" onClick={() => setOpen(false)} className="block border-t border-zinc-100 px-3 py-2 text-center text-xs font-medium text-zinc-700 hover:bg-zinc-50">
            See all notifications
          </Link>
        </div>
      )}
    </div>
  )
}

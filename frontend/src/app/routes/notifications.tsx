import { Bell } from 'lucide-react'
import { useSearchParams } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { SegmentedControl } from '@/components/ui/segmented-control'
import { Spinner } from '@/components/ui/spinner'
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '@/features/notifications/api/notifications'
import { NotificationItem } from '@/features/notifications/components/notification-item'

export default function NotificationsRoute() {
  const [params, setParams] = useSearchParams()
  const unreadOnly = params.get('unread') === 'true'
  const list = useNotifications(unreadOnly)
  const markOne = useMarkNotificationRead()
  const markAll = useMarkAllNotificationsRead()
  const items = list.data?.pages.flatMap((page) => page.data) ?? []
  const unread = list.data?.pages[0]?.unread_count ?? 0
  return (
    <ContentLayout
      title="Notifications"
      description="Budget alerts and auto-pauses of your organization."
      actions={
        <Button variant="secondary" disabled={unread === 0 || markAll.isPending} onClick={() => markAll.mutate()}>
          Mark all read
        </Button>
      }
    >
      <div className="space-y-4">
        <SegmentedControl
          label="Show"
          options={[
            { value: 'all', label: 'All' },
            { value: 'unread', label: unread > 0 ? `Unread (${unread})` : 'Unread' },
          ]}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => setParams(value === 'unread' ? { unread: 'true' } : {}, { replace: true })}
        />
        {list.isPending ? (
          <Spinner label="Loading the notifications" />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} title="Could not load the notifications" />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<Bell aria-hidden className="size-5" />}
            title={unreadOnly ? 'Nothing unread' : 'No notifications yet'}
            description="When a budget crosses a threshold or pauses agents, you are told here and on the bell."
          />
        ) : (
          <>
            <ul aria-label="Notifications" className="divide-y divide-zinc-100 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm">
              {items.map((notification) => (
                <li key={notification.id}>
                  <NotificationItem
                    notification={notification}
                    marking={markOne.isPending && markOne.variables === notification.id}
                    onMarkRead={() => markOne.mutate(notification.id)}
                    onOpen={() => {
                      if (!notification.read_at) markOne.mutate(notification.id)
                    }}
                  />
                </li>
              ))}
            </ul>
            {list.hasNextPage && (
              <div className="flex justify-center">
                <Button variant="secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </ContentLayout>
  )
}

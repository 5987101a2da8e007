import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, dataOf, type Refine, type Schemas, unwrap } from '@/lib/api-client'
import { notificationKeys } from '@/lib/query-keys'

export type Notification = Refine<Schemas['Notification'], { link: string | null; read_at: string | null; data: Record<string, unknown> }>
export type NotificationPage = { data: Notification[]; page: Schemas['PageInfo']; unread_count: number }

export const NOTIFICATIONS_PAGE_SIZE = 25
/** How many the bell's dropdown shows. */
export const LATEST_SIZE = 8

/** Without the live stream the count is polled; with it, `notification.created` refreshes it at once. */
const POLL_MS = 60_000

const listNotifications = (query: { unread?: boolean; limit: number; cursor?: string | null }, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/notifications', { params: { query: { ...query, cursor: query.cursor ?? undefined } }, signal })) as Promise<NotificationPage>

export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => dataOf(api.GET('/api/v1/notifications/unread-count', { signal })).then((count) => count.unread_count),
    refetchInterval: POLL_MS,
  })

export const useUnreadCount = () => useQuery(unreadCountQueryOptions())

/** The newest few, for the bell's dropdown (fetched when it opens, refreshed live while it is open). */
export const useLatestNotifications = (enabled: boolean) =>
  useQuery({
    queryKey: notificationKeys.latest(),
    queryFn: ({ signal }) => listNotifications({ limit: LATEST_SIZE }, signal),
    enabled,
  })

export const notificationsQueryOptions = (unreadOnly: boolean) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list({ unread: String(unreadOnly) }),
    queryFn: ({ pageParam, signal }) => listNotifications({ unread: unreadOnly || undefined, limit: NOTIFICATIONS_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

export const useNotifications = (unreadOnly: boolean) => useInfiniteQuery(notificationsQueryOptions(unreadOnly))

export const markNotificationRead = (id: string) =>
  dataOf(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })) as Promise<Notification>

export const markAllNotificationsRead = () => dataOf(api.POST('/api/v1/notifications/read-all')).then((result) => result.marked)

/** Read state changes the count, the dropdown and every list: all refetched (they are small). */
function useRefreshNotifications() {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all })
}

export function useMarkNotificationRead() {
  const refresh = useRefreshNotifications()
  return useMutation({ mutationFn: markNotificationRead, onSuccess: refresh })
}

export function useMarkAllNotificationsRead() {
  const refresh = useRefreshNotifications()
  return useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh })
}

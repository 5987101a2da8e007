import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { WebhookEventType } from '@/lib/closed-sets'
import { api, dataOf, type Refine, type Schemas, unwrap } from '@/lib/api-client'
import { webhookKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

export type WebhookEndpoint = Refine<Schemas['WebhookEndpoint'], { description: string | null; last_delivery: Schemas['WebhookLastDelivery'] | null }>
export type CreatedWebhook = WebhookEndpoint & { secret: string }
export type WebhookDelivery = Refine<
  Schemas['WebhookDelivery'],
  { last_status_code: number | null; last_error: string | null; next_attempt_at: string | null; delivered_at: string | null }
>

/** GET /webhooks (admins): every endpoint, at most 20 per organization (one page). */
export const webhooksQueryOptions = () =>
  queryOptions({
    queryKey: webhookKeys.list(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/webhooks', { signal })).then((page) => page.data as WebhookEndpoint[]),
  })

export const useWebhooks = (enabled = true) => useQuery({ ...webhooksQueryOptions(), enabled })

export const DELIVERIES_PAGE_SIZE = 20

/** One endpoint's deliveries, newest first; refreshed while any is pending (retries move them). */
export const webhookDeliveriesQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: DELIVERIES_PAGE_SIZE, cursor: pageParam ?? undefined } }, signal }),
      ) as Promise<{ data: WebhookDelivery[]; page: Schemas['PageInfo'] }>,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.data.some((d) => d.status === 'pending')) ? 5_000 : false),
  })

export const useWebhookDeliveries = (id: string) => useInfiniteQuery(webhookDeliveriesQueryOptions(id))

export const createWebhook = (body: { url: string; event_types: WebhookEventType[]; description?: string }) =>
  dataOf(api.POST('/api/v1/webhooks', { body })) as Promise<CreatedWebhook>

export function useCreateWebhook(config?: MutationConfig<typeof createWebhook>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: createWebhook,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: webhookKeys.all })
      return config?.onSuccess?.(...args)
    },
  })
}

export const deleteWebhook = (id: string) => unwrap(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } })).then(() => id)

export function useDeleteWebhook(config?: MutationConfig<typeof deleteWebhook>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: deleteWebhook,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: webhookKeys.all })
      return config?.onSuccess?.(...args)
    },
  })
}

/** POST /webhooks/{id}/test: queues a `webhook.test` event; the delivery appears in the log. */
export const testWebhook = (id: string) => dataOf(api.POST('/api/v1/webhooks/{id}/test', { params: { path: { id } } })) as Promise<WebhookDelivery>

export function useTestWebhook(config?: MutationConfig<typeof testWebhook>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: testWebhook,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: webhookKeys.all })
      return config?.onSuccess?.(...args)
    },
  })
}

import { Send, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { errorText } from '@/components/ui/form'
import { RelativeTime } from '@/components/ui/relative-time'
import { Spinner } from '@/components/ui/spinner'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import { useToast } from '@/components/ui/toast'
import { useDeleteWebhook, useTestWebhook, useWebhookDeliveries, type WebhookEndpoint } from '@/features/webhooks/api/webhooks'
import { attemptsText, DELIVERY_LABELS, DELIVERY_TONES, deliveryStatusOf } from '@/features/webhooks/lib/webhooks'

function DeliveryLog({ webhookId }: { webhookId: string }) {
  const deliveries = useWebhookDeliveries(webhookId)
  if (deliveries.isPending) return <Spinner label="Loading the deliveries" />
  if (deliveries.isError) return <p className="text-sm text-red-700">{errorText(deliveries.error)}</p>
  const rows = deliveries.data.pages.flatMap((page) => page.data)
  if (rows.length === 0) return <p className="text-sm text-zinc-500">No delivery yet. "Send test event" sends one now.</p>
  return (
    <div className="space-y-2">
      <Table label="Deliveries">
        <thead>
          <tr>
            <th scope="col" className={thClasses}>Event</th>
            <th scope="col" className={thClasses}>Status</th>
            <th scope="col" className={thClasses}>Attempts</th>
            <th scope="col" className={thClasses}>Created</th>
            <th scope="col" className={thClasses}>Delivered / next try</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((delivery) => {
            const status = deliveryStatusOf(delivery.status)
            return (
              <tr key={delivery.id}>
                <td className={tdClasses}>
                  <code className="font-mono text-xs">{delivery.event_type}</code>
                </td>
                <td className={tdClasses}>
                  <Badge tone={DELIVERY_TONES[status]}>{DELIVERY_LABELS[status]}</Badge>
                </td>
                <td className={`${tdClasses} max-w-xs text-xs`} title={delivery.last_error ?? undefined}>
                  {attemptsText(delivery)}
                </td>
                <td className={`${tdClasses} text-xs`}>
                  <RelativeTime iso={delivery.created_at} />
                </td>
                <td className={`${tdClasses} text-xs`}>
                  {delivery.delivered_at ? (
                    <RelativeTime iso={delivery.delivered_at} />
                  ) : status === 'pending' && delivery.next_attempt_at ? (
                    <>
                      next <RelativeTime iso={delivery.next_attempt_at} />
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </Table>
      {deliveries.hasNextPage && (
        <Button variant="secondary" disabled={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
          {deliveries.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      )}
    </div>
  )
}

function WebhookCard({ webhook }: { webhook: WebhookEndpoint }) {
  const toast = useToast()
  const [showLog, setShowLog] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const test = useTestWebhook({
    onSuccess: () => {
      toast.success('Test event queued: watch the delivery log.')
      setShowLog(true)
    },
    onError: (error) => toast.error(`Could not send the test event: ${errorText(error)}`),
  })
  const remove = useDeleteWebhook({
    onSuccess: () => {
      toast.success('Webhook endpoint deleted.')
      setDeleting(false)
    },
  })
  const last = webhook.last_delivery
  return (
    <article aria-label={`Webhook ${webhook.url}`} className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="break-all font-mono text-sm text-zinc-900">{webhook.url}</p>
          <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
            <Badge tone={webhook.kind === 'slack' ? 'accent' : 'neutral'}>{webhook.kind === 'slack' ? 'Slack' : 'JSON'}</Badge>
            {webhook.event_types.map((type) => (
              <code key={type} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px]">
                {type}
              </code>
            ))}
          </p>
          {webhook.description && <p className="mt-1 text-sm text-zinc-600">{webhook.description}</p>}
          <p className="mt-1 text-xs text-zinc-500">
            Last delivery:{' '}
            {last ? (
              <>
                <Badge tone={DELIVERY_TONES[deliveryStatusOf(last.status)]}>{DELIVERY_LABELS[deliveryStatusOf(last.status)]}</Badge> <RelativeTime iso={last.at} />
              </>
            ) : (
              'none yet'
            )}{' '}
            · created <RelativeTime iso={webhook.created_at} />
          </p>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" className="px-2 py-1 text-xs" disabled={test.isPending} onClick={() => test.mutate(webhook.id)}>
            <Send aria-hidden className="size-3.5" /> {test.isPending ? 'Sending…' : 'Send test event'}
          </Button>
          <Button variant="secondary" className="px-2 py-1 text-xs" aria-label={`Delete ${webhook.url}`} onClick={() => setDeleting(true)}>
            <Trash2 aria-hidden className="size-3.5" /> Delete
          </Button>
        </div>
      </div>
      <button type="button" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)} className="text-xs font-medium text-accent-700 hover:underline">
        {showLog ? 'Hide delivery log' : 'Delivery log'}
      </button>
      {showLog && <DeliveryLog webhookId={webhook.id} />}
      <ConfirmDialog
        open={deleting}
        title="Delete this webhook endpoint?"
        description={`${webhook.url} stops receiving events at once; pending retries are dropped.`}
        confirmLabel="Delete endpoint"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(webhook.id)}
        onClose={() => {
          setDeleting(false)
          remove.reset()
        }}
      />
    </article>
  )
}

export function WebhooksList({ webhooks }: { webhooks: readonly WebhookEndpoint[] }) {
  return (
    <div className="space-y-3">
      {webhooks.map((webhook) => (
        <WebhookCard key={webhook.id} webhook={webhook} />
      ))}
    </div>
  )
}

import type { BadgeTone } from '@/components/ui/badge'
import { DELIVERY_STATUSES, type DeliveryStatus, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/closed-sets'

/** The webhooks settings' logic without React: event types, the form's checks, delivery states. */

export const EVENT_TYPE_LABELS: Record<WebhookEventType, string> = {
  'budget.threshold_crossed': 'A budget threshold is crossed',
  'budget.auto_paused': 'A budget pauses agents',
  'approval.requested': 'An action waits for approval',
  'webhook.test': 'Test events',
}

export const DELIVERY_TONES: Record<DeliveryStatus, BadgeTone> = { pending: 'neutral', succeeded: 'success', failed: 'danger' }
export const DELIVERY_LABELS: Record<DeliveryStatus, string> = { pending: 'Pending', succeeded: 'Delivered', failed: 'Failed' }

export const deliveryStatusOf = (value: string | null | undefined): DeliveryStatus =>
  (DELIVERY_STATUSES as readonly string[]).includes(value ?? '') ? (value as DeliveryStatus) : 'pending'

export const URL_MAX = 2000
export const DESCRIPTION_MAX = 500
export const MAX_ENDPOINTS = 20

/** Slack incoming webhooks get a Slack-formatted message (the API decides; this only says so in the form). */
export function isSlackUrl(url: string): boolean {
  try {
    const parsed = new URL(url.trim())
    return parsed.protocol === 'https:' && parsed.hostname === 'hooks.slack.com'
  } catch {
    return false
  }
}

export type WebhookFormValues = { url: string; event_types: WebhookEventType[]; description: string }
export type WebhookFieldErrors = Partial<Record<keyof WebhookFormValues, string>>

export const emptyWebhookForm = (): WebhookFormValues => ({ url: '', event_types: ['budget.threshold_crossed', 'budget.auto_paused'], description: '' })

/**
 * Checks what can be checked here: a whole web address (the API refuses plain http and private or local
 * addresses, which only it can resolve, unless the server allows them for development), at least one event type, lengths. The request body when valid.
 */
export function validateWebhookForm(values: WebhookFormValues): { body: { url: string; event_types: WebhookEventType[]; description?: string } } | { errors: WebhookFieldErrors } {
  const errors: WebhookFieldErrors = {}
  const url = values.url.trim()
  if (!url) errors.url = 'Give the address that receives the events.'
  else if (url.length > URL_MAX) errors.url = `At most ${URL_MAX} characters.`
  else {
    let parsed: URL | null = null
    try {
      parsed = new URL(url)
    } catch {
      errors.url = 'A whole address such as https://example.com/hooks/agentops.'
    }
    // http is for development servers that allow private addresses (AGENTOPS_WEBHOOKS_ALLOW_PRIVATE): the API decides
    if (parsed && parsed.protocol !== 'https:' && parsed.protocol !== 'http:') errors.url = 'The address must start with https://.'
    else if (parsed && (parsed.username || parsed.password)) errors.url = 'Leave the user name and password out of the address.'
  }
  const eventTypes = WEBHOOK_EVENT_TYPES.filter((type) => values.event_types.includes(type))
  if (eventTypes.length === 0) errors.event_types = 'Pick at least one event.'
  const description = values.description.trim()
  if (description.length > DESCRIPTION_MAX) errors.description = `At most ${DESCRIPTION_MAX} characters.`
  if (Object.keys(errors).length > 0) return { errors }
  return { body: { url, event_types: eventTypes, ...(description ? { description } : {}) } }
}

/** "2 attempts, last HTTP 503" / "1 attempt, timed out after 10 s" / "no attempt yet". */
export function attemptsText(delivery: { attempts: number; last_status_code?: number | null; last_error?: string | null }): string {
  if (!delivery.attempts) return 'No attempt yet'
  const count = `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`
  if (delivery.last_status_code) return `${count}, last HTTP ${delivery.last_status_code}`
  if (delivery.last_error) return `${count}, ${delivery.last_error}`
  return count
}

import { describe, expect, it } from 'vitest'
import {
  attemptsText,
  DELIVERY_TONES,
  deliveryStatusOf,
  emptyWebhookForm,
  isSlackUrl,
  validateWebhookForm,
} from '@/features/webhooks/lib/webhooks'

const form = (overrides: Partial<ReturnType<typeof emptyWebhookForm>> = {}) => ({ ...emptyWebhookForm(), url: 'https://example.com/hooks', ...overrides })

describe('validateWebhookForm', () => {
  it('builds the request, event types in their fixed order, no empty description', () => {
    expect(validateWebhookForm(form({ url: ' https://example.com/hooks ', event_types: ['webhook.test', 'budget.threshold_crossed'] }))).toEqual({
      body: { url: 'https://example.com/hooks', event_types: ['budget.threshold_crossed', 'webhook.test'] },
    })
    expect(validateWebhookForm(form({ description: ' Ops channel ' }))).toMatchObject({ body: { description: 'Ops channel' } })
  })

  it.each([
    ['', 'Give the address that receives the events.'],
    ['example.com/hooks', 'A whole address such as https://example.com/hooks/agentops.'],
    ['ftp://example.com/', 'The address must start with https://.'],
    ['https://user:secret@example.com/', 'Leave the user name and password out of the address.'],
    [`https://example.com/${'x'.repeat(2000)}`, 'At most 2000 characters.'],
  ])('refuses the address %j', (url, message) => {
    expect(validateWebhookForm(form({ url }))).toEqual({ errors: { url: message } })
  })

  it('leaves plain http to the API, which allows it only on development servers', () => {
    expect(validateWebhookForm(form({ url: 'http://localhost:9000/hook' }))).toMatchObject({ body: { url: 'http://localhost:9000/hook' } })
  })

  it('needs an event and a short description', () => {
    expect(validateWebhookForm(form({ event_types: [] }))).toEqual({ errors: { event_types: 'Pick at least one event.' } })
    expect(validateWebhookForm(form({ description: 'x'.repeat(501) }))).toEqual({ errors: { description: 'At most 500 characters.' } })
  })
})

describe('webhook display', () => {
  it('recognises Slack addresses', () => {
    expect(isSlackUrl('https://hooks.slack.com/services/T0/B0/x')).toBe(true)
    expect(isSlackUrl('https://hooks.slack.com.evil.example/x')).toBe(false)
    expect(isSlackUrl('not a url')).toBe(false)
  })

  it('colours delivery states, unknown as pending', () => {
    expect(DELIVERY_TONES[deliveryStatusOf('failed')]).toBe('danger')
    expect(DELIVERY_TONES[deliveryStatusOf('succeeded')]).toBe('success')
    expect(deliveryStatusOf('weird')).toBe('pending')
  })

  it('sums up the attempts', () => {
    expect(attemptsText({ attempts: 0 })).toBe('No attempt yet')
    expect(attemptsText({ attempts: 1, last_status_code: 200 })).toBe('1 attempt, last HTTP 200')
    expect(attemptsText({ attempts: 3, last_status_code: null, last_error: 'timed out after 10 s' })).toBe('3 attempts, timed out after 10 s')
  })
})

// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { page, problem, reply } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const webhook = (overrides: Record<string, unknown> = {}) => ({
  id: 'w1',
  url: 'https://ops.example.com/hooks',
  kind: 'generic',
  event_types: ['budget.threshold_crossed'],
  description: 'Ops alerts',
  created_at: '2026-11-01T00:00:00Z',
  created_by: null,
  last_delivery: { status: 'failed', at: '2026-12-01T00:00:00Z' },
  ...overrides,
})
const delivery = (overrides: Record<string, unknown> = {}) => ({
  id: 'd1',
  webhook_id: 'w1',
  event_id: 'e1',
  event_type: 'webhook.test',
  status: 'pending',
  attempts: 2,
  last_status_code: 503,
  last_error: null,
  next_attempt_at: '2026-12-01T00:10:00Z',
  created_at: '2026-12-01T00:00:00Z',
  delivered_at: null,
  ...overrides,
})

describe('webhooks settings', () => {
  it('lists the endpoints with their last delivery, and sends a test event into the log', async () => {
    const { user, api } = renderApp('/settings/webhooks', {
      api: {
        'GET /api/v1/webhooks': page([webhook()]),
        'POST /api/v1/webhooks/:id/test': reply(202, { data: delivery() }),
        'GET /api/v1/webhooks/:id/deliveries': page([delivery()]),
      },
    })
    const card = await screen.findByRole('article', { name: 'Webhook https://ops.example.com/hooks' })
    expect(within(card).getByText('Failed')).toBeInTheDocument()
    expect(within(card).getByText('Ops alerts')).toBeInTheDocument()
    await user.click(within(card).getByRole('button', { name: 'Send test event' }))
    expect(await screen.findByText('Test event queued: watch the delivery log.')).toBeInTheDocument()
    const log = await within(card).findByRole('table', { name: 'Deliveries' })
    expect(within(log).getByText('2 attempts, last HTTP 503')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/webhooks/:id/test')[0].params.id).toBe('w1')
  })

  it('creates an endpoint and shows its signing secret once', async () => {
    const { user, api } = renderApp('/settings/webhooks', {
      api: {
        'GET /api/v1/webhooks': page([]),
        'POST /api/v1/webhooks': ({ body }: { body: { url: string } }) => reply(201, { data: { ...webhook({ url: body.url, kind: 'slack' }), secret: 'whsec_123' } }),
      },
    })
    expect(await screen.findByText('No webhook endpoints yet')).toBeInTheDocument()
    await user.click(screen.getAllByRole('button', { name: 'New endpoint' })[0])
    const dialog = await screen.findByRole('dialog', { name: 'New webhook endpoint' })
    await user.type(within(dialog).getByLabelText('Endpoint URL'), 'ftp://x')
    await user.click(within(dialog).getByRole('checkbox', { name: /A budget threshold is crossed/ }))
    await user.click(within(dialog).getByRole('checkbox', { name: /A budget pauses agents/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Create endpoint' }))
    expect(within(dialog).getByText('The address must start with https://.')).toBeInTheDocument()
    expect(within(dialog).getByText('Pick at least one event.')).toBeInTheDocument()

    await user.clear(within(dialog).getByLabelText('Endpoint URL'))
    await user.type(within(dialog).getByLabelText('Endpoint URL'), 'https://hooks.slack.com/services/T/B/X')
    await user.click(within(dialog).getByRole('checkbox', { name: /An action waits for approval/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Create endpoint' }))
    const shown = await screen.findByRole('dialog', { name: 'Webhook endpoint created' })
    expect(within(shown).getByLabelText('Signing secret')).toHaveValue('whsec_123')
    expect(within(shown).getByText('Endpoint https://hooks.slack.com/services/T/B/X (Slack message)')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/webhooks')[0].body).toEqual({ url: 'https://hooks.slack.com/services/T/B/X', event_types: ['approval.requested'] })
  })

  it('deletes an endpoint after confirming', async () => {
    const { user, api } = renderApp('/settings/webhooks', {
      api: { 'GET /api/v1/webhooks': page([webhook()]), 'DELETE /api/v1/webhooks/:id': reply(204) },
    })
    await user.click(await screen.findByRole('button', { name: 'Delete https://ops.example.com/hooks' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete this webhook endpoint?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete endpoint' }))
    expect(await screen.findByText('Webhook endpoint deleted.')).toBeInTheDocument()
    expect(api.requests('DELETE /api/v1/webhooks/:id')).toHaveLength(1)
  })

  it('shows a failed load, and keeps other roles out without asking the API', async () => {
    renderApp('/settings/webhooks', { api: { 'GET /api/v1/webhooks': problem(500, 'internal', 'Webhooks are down.') } })
    expect(await screen.findByText('Could not load the webhooks')).toBeInTheDocument()
  })

  it('is for admins only', async () => {
    const { api } = renderApp('/settings/webhooks', { role: 'team_lead' })
    expect(await screen.findByText(/does not give access to webhooks/)).toBeInTheDocument()
    expect(api.requests('GET /api/v1/webhooks')).toHaveLength(0)
  })
})

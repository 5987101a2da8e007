// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { page, problem, reply } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const key = (overrides: Record<string, unknown> = {}) => ({
  id: 'k1',
  name: 'support-bot production',
  prefix: 'aoh_abcd',
  scopes: ['ingest'],
  created_at: '2026-11-01T00:00:00Z',
  expires_at: null,
  last_used_at: null,
  revoked_at: null,
  ...overrides,
})

describe('API keys settings', () => {
  it('lists the keys with their status; revoked keys cannot be revoked again', async () => {
    renderApp('/settings/api-keys', {
      api: {
        'GET /api/v1/api-keys': page([
          key(),
          key({ id: 'k2', name: 'old', revoked_at: '2026-11-02T00:00:00Z' }),
          key({ id: 'k3', name: 'expired one', expires_at: '2020-01-01T00:00:00Z' }),
        ]),
      },
    })
    const table = await screen.findByRole('table', { name: 'API keys' })
    expect(within(within(table).getByText('support-bot production').closest('tr')!).getByText('aoh_abcd…')).toBeInTheDocument()
    expect(within(within(table).getByText('old').closest('tr')!).getByText('revoked')).toBeInTheDocument()
    expect(within(within(table).getByText('expired one').closest('tr')!).getByText('expired')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Revoke support-bot production' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Revoke old' })).not.toBeInTheDocument()
  })

  it('offers a first key when there is none', async () => {
    renderApp('/settings/api-keys', { api: { 'GET /api/v1/api-keys': page([]) } })
    expect(await screen.findByText('No API keys yet')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Generate a key' })).toBeInTheDocument()
  })

  it('tells a viewer the keys are not for their role', async () => {
    const { api } = renderApp('/settings/api-keys', { role: 'viewer' })
    expect(await screen.findByText(/does not give access to API keys/)).toBeInTheDocument()
    expect(api.requests('GET /api/v1/api-keys')).toHaveLength(0)
  })

  it('shows a failed load', async () => {
    renderApp('/settings/api-keys', { api: { 'GET /api/v1/api-keys': problem(500, 'internal', 'Keys are unavailable.') } })
    expect(await screen.findByText(/Keys are unavailable\./)).toBeInTheDocument()
  })

  it('generates a key with the chosen scopes and shows it once', async () => {
    const { user, api } = renderApp('/settings/api-keys', {
      api: {
        'GET /api/v1/api-keys': page([]),
        'POST /api/v1/api-keys': ({ body }: { body: { name: string; scopes: string[] } }) =>
          reply(201, { data: { ...key({ name: body.name, scopes: body.scopes }), key: 'aoh_abcd_secret' } }),
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Generate key' }))
    const dialog = await screen.findByRole('dialog', { name: 'Generate an API key' })
    // nothing is sent without a name or a scope
    await user.click(within(dialog).getByRole('checkbox', { name: /ingest/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Generate key' }))
    expect(within(dialog).getByText('Name the key after what uses it.')).toBeInTheDocument()
    expect(within(dialog).getByText('Pick at least one scope.')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/api-keys')).toHaveLength(0)

    await user.type(within(dialog).getByLabelText('Name'), 'ci reader')
    await user.click(within(dialog).getByRole('checkbox', { name: /^read/ }))
    await user.selectOptions(within(dialog).getByLabelText('Expires'), '30')
    await user.click(within(dialog).getByRole('button', { name: 'Generate key' }))

    const shown = await screen.findByRole('dialog', { name: 'Your new API key' })
    expect(within(shown).getByLabelText('New API key')).toHaveValue('aoh_abcd_secret')
    const [post] = api.requests('POST /api/v1/api-keys')
    expect(post.body).toMatchObject({ name: 'ci reader', scopes: ['read'] })
    const days = (Date.parse((post.body as { expires_at: string }).expires_at) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(29.9)
    expect(days).toBeLessThan(30.1)
    await user.click(within(shown).getByRole('button', { name: 'I copied the key' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Your new API key' })).not.toBeInTheDocument())
  })

  it('revokes a key after confirming', async () => {
    const { user, api } = renderApp('/settings/api-keys', {
      api: { 'GET /api/v1/api-keys': page([key()]), 'DELETE /api/v1/api-keys/:id': reply(204) },
    })
    await user.click(await screen.findByRole('button', { name: 'Revoke support-bot production' }))
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this key?' })
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }))
    expect(await screen.findByText('Key "support-bot production" revoked.')).toBeInTheDocument()
    expect(api.requests('DELETE /api/v1/api-keys/:id')[0].params.id).toBe('k1')
  })
})

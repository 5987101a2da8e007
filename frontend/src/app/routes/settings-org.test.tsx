// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aMe } from '@/testing/data'
import { never, problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const org = aMe().organization

describe('organization settings', () => {
  it('shows the settings navigation the role may use', async () => {
    renderApp('/settings/org', { role: 'viewer', api: { 'GET /api/v1/orgs/profile': { data: org } } })
    const nav = await screen.findByRole('navigation', { name: 'Settings' })
    expect(within(nav).getByRole('link', { name: 'Organization' })).toHaveAttribute('aria-current', 'page')
    expect(within(nav).queryByRole('link', { name: 'Webhooks' })).not.toBeInTheDocument()
    expect(await screen.findByText('Only admins can change the organization.')).toBeInTheDocument()
    expect(screen.getByLabelText('Name')).toBeDisabled()
  })

  it('redirects /settings to the organization', async () => {
    const { router } = renderApp('/settings', { api: { 'GET /api/v1/orgs/profile': never } })
    expect(await screen.findByText('Loading the organization')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/settings/org')
  })

  it('validates, then sends only what changed', async () => {
    const { user, api } = renderApp('/settings/org', {
      api: {
        'GET /api/v1/orgs/profile': { data: org },
        'PATCH /api/v1/orgs/profile': ({ body }: { body: Record<string, unknown> }) => ({ data: { ...org, ...body } }),
      },
    })
    const save = await screen.findByRole('button', { name: 'Save changes' })
    expect(save).toBeDisabled()
    await user.clear(screen.getByLabelText('Time zone'))
    await user.type(screen.getByLabelText('Time zone'), 'Mars/Olympus')
    await user.type(screen.getByLabelText('Logo URL'), 'logo.png')
    await user.click(save)
    expect(screen.getByText('Use an IANA time zone name, e.g. Europe/Paris or America/New_York.')).toBeInTheDocument()
    expect(screen.getByText('Use an http(s):// address of an image, or leave it empty.')).toBeInTheDocument()
    expect(api.requests('PATCH /api/v1/orgs/profile')).toHaveLength(0)

    await user.clear(screen.getByLabelText('Time zone'))
    await user.type(screen.getByLabelText('Time zone'), 'Europe/Paris')
    await user.clear(screen.getByLabelText('Logo URL'))
    await user.click(save)
    expect(await screen.findByText('Organization saved.')).toBeInTheDocument()
    expect(api.requests('PATCH /api/v1/orgs/profile')[0].body).toEqual({ timezone: 'Europe/Paris' })
  })

  it('discards edits and shows a refused save', async () => {
    const { user } = renderApp('/settings/org', {
      api: { 'GET /api/v1/orgs/profile': { data: org }, 'PATCH /api/v1/orgs/profile': problem(403, 'forbidden', 'Only admins can change this.') },
    })
    const name = await screen.findByLabelText('Name')
    await user.type(name, ' Inc')
    await user.click(screen.getByRole('button', { name: 'Discard' }))
    expect(name).toHaveValue('Acme')
    await user.type(name, ' Inc')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Only admins can change this.')).toBeInTheDocument()
  })

  it('shows a failed load', async () => {
    renderApp('/settings/org', { api: { 'GET /api/v1/orgs/profile': problem(500, 'internal', 'Profile is down.') } })
    expect(await screen.findByText(/Profile is down\./)).toBeInTheDocument()
  })
})

// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { never, page, problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const invitation = { data: { email: 'grace@example.com', organization_name: 'Acme', role: 'team_lead' } }
const tokens = { data: { access_token: 'access-4', refresh_token: 'refresh-4', expires_in: 900 } }
const dashboard = { 'GET /api/v1/dashboard/home': never, 'GET /api/v1/agents': page([]), 'GET /api/v1/budgets': page([]) }

describe('accepting an invitation', () => {
  it('shows the invitation, checks the fields and joins', async () => {
    const { user, api, router } = renderApp('/accept-invite?token=inv-1', {
      signedIn: false,
      api: { ...dashboard, 'GET /api/v1/auth/invitations/:token': invitation, 'POST /api/v1/auth/accept-invite': tokens },
    })
    expect(await screen.findByRole('heading', { name: 'Join Acme' })).toBeInTheDocument()
    expect(screen.getByText('Team lead')).toBeInTheDocument()
    expect(screen.getByLabelText('E-mail')).toHaveValue('grace@example.com')
    await user.click(screen.getByRole('button', { name: 'Join Acme' }))
    expect(screen.getByText('Enter your name.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Your name'), 'Grace Hopper')
    await user.type(screen.getByLabelText('Choose a password'), 'a long enough password')
    await user.click(screen.getByRole('button', { name: 'Join Acme' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'))
    expect(api.requests('POST /api/v1/auth/accept-invite')[0].body).toEqual({ token: 'inv-1', full_name: 'Grace Hopper', password: 'a long enough password' })
  })

  it('asks an existing account with 2FA for its code', async () => {
    const { user, api } = renderApp('/accept-invite?token=inv-1', {
      signedIn: false,
      api: {
        ...dashboard,
        'GET /api/v1/auth/invitations/:token': invitation,
        'POST /api/v1/auth/accept-invite': ({ body }: { body: { code?: string } }) => (body.code ? tokens : problem(401, 'mfa_required', 'Enter your code.')),
      },
    })
    await user.type(await screen.findByLabelText('Your name'), 'Grace Hopper')
    await user.type(screen.getByLabelText('Choose a password'), 'a long enough password')
    await user.click(screen.getByRole('button', { name: 'Join Acme' }))
    await user.type(await screen.findByLabelText('Authentication code'), '123 456')
    await user.click(screen.getByRole('button', { name: 'Join Acme' }))
    await waitFor(() => expect(api.requests('POST /api/v1/auth/accept-invite')).toHaveLength(2))
    expect(api.requests('POST /api/v1/auth/accept-invite')[1].body).toMatchObject({ code: '123456' })
  })

  it('says when the invitation is gone', async () => {
    renderApp('/accept-invite?token=used', { signedIn: false, api: { 'GET /api/v1/auth/invitations/:token': problem(404, 'not_found', 'No such invitation.') } })
    expect(await screen.findByRole('heading', { name: 'Invitation not found' })).toBeInTheDocument()
  })

  it('offers another try when the invitation could not load', async () => {
    renderApp('/accept-invite?token=inv-1', { signedIn: false, api: { 'GET /api/v1/auth/invitations/:token': problem(503, 'unavailable', 'Try again soon.') } })
    expect(await screen.findByText('Try again soon.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })
})

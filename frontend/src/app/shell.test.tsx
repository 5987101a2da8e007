// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { page, problem, reply } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

describe('signed-in shell', () => {
  it('shows who is signed in and logs out on the server, then goes to the login page', async () => {
    const { user, api, router } = renderApp('/agents', { role: 'team_lead', api: { 'GET /api/v1/agents': page([]), 'POST /api/v1/auth/logout': reply(204) } })
    const account = await screen.findByRole('button', { name: 'Account: Ada Lovelace, Acme, Team lead' })
    await user.click(account)
    const menu = screen.getByRole('menu', { name: 'Account' })
    expect(within(menu).getByText('ada@example.com')).toBeInTheDocument()
    await user.keyboard('{ArrowDown}')
    expect(within(menu).getByRole('menuitem', { name: 'Log out' })).toHaveFocus()
    await user.click(within(menu).getByRole('menuitem', { name: 'Log out' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(api.requests('POST /api/v1/auth/logout')[0].body).toEqual({ refresh_token: 'refresh-1' })
  })

  it('shows the API status from /health', async () => {
    renderApp('/agents', {
      api: { 'GET /api/v1/agents': page([]), 'GET /health': reply(503, { status: 'down', checks: { redis: { status: 'down' }, db: { status: 'up' } } }) },
    })
    const status = await screen.findByText('API degraded')
    expect(status.closest('[role="status"]')).toHaveAttribute('title', 'Failing: redis')
  })

  it('says a page does not exist', async () => {
    renderApp('/nowhere')
    expect(await screen.findByText('There is no page here')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to dashboard' })).toHaveAttribute('href', '/dashboard')
  })

  it('offers a retry or logout when the account cannot load', async () => {
    const { user, api } = renderApp('/agents', { api: { 'GET /api/v1/auth/me': problem(403, 'account_disabled', 'Your account is disabled.') } })
    expect(await screen.findByText('Could not load your account')).toBeInTheDocument()
    expect(screen.getByText('Your account is disabled.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(api.requests('GET /api/v1/auth/me').length).toBeGreaterThan(1))
  })
})

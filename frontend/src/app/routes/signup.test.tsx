// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { page, problem, reply } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const tokens = { data: { access_token: 'access-3', refresh_token: 'refresh-3', expires_in: 900 } }

describe('signup', () => {
  it('checks every field before sending', async () => {
    const { user, api } = renderApp('/signup', { signedIn: false })
    await user.type(await screen.findByLabelText('Password'), 'short')
    await user.click(screen.getByRole('button', { name: 'Create organization' }))
    expect(screen.getByText('Enter your name.')).toBeInTheDocument()
    expect(screen.getByText('Enter your e-mail address.')).toBeInTheDocument()
    expect(screen.getByText('Use at least 12 characters (7 more).')).toBeInTheDocument()
    expect(screen.getByText('Name your organization.')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/auth/signup')).toHaveLength(0)
  })

  it('sends the form and offers the link of a server without e-mail', async () => {
    const { user, api } = renderApp('/signup', {
      signedIn: false,
      api: { 'POST /api/v1/auth/signup': reply(202, { data: { status: 'confirmation_sent', confirm_url: 'http://localhost/signup/confirm?token=tok-1' } }) },
    })
    await user.type(await screen.findByLabelText('Your name'), ' Ada Lovelace ')
    await user.type(screen.getByLabelText('Work e-mail'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Organization name'), 'Acme')
    await user.click(screen.getByRole('button', { name: 'Create organization' }))
    expect(await screen.findByText('Check your e-mail')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/signup/confirm?token=tok-1')
    expect(api.requests('POST /api/v1/auth/signup')[0].body).toEqual({
      full_name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'correct horse battery',
      organization_name: 'Acme',
    })
  })

  it('shows the server\'s field problems', async () => {
    const { user } = renderApp('/signup', {
      signedIn: false,
      api: { 'POST /api/v1/auth/signup': problem(422, 'validation_failed', 'Invalid.', { fields: [{ field: 'organization_name', problem: 'Too long.' }] }) },
    })
    await user.type(await screen.findByLabelText('Your name'), 'Ada')
    await user.type(screen.getByLabelText('Work e-mail'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Organization name'), 'Acme')
    await user.click(screen.getByRole('button', { name: 'Create organization' }))
    expect(await screen.findByText('Too long.')).toBeInTheDocument()
  })
})

describe('signup confirmation', () => {
  it('spends the link once, signs in and goes to the dashboard', async () => {
    const { api, router } = renderApp('/signup/confirm?token=tok-1', {
      signedIn: false,
      api: {
        'POST /api/v1/auth/signup/confirm': tokens,
        'GET /api/v1/dashboard/home': problem(503, 'unavailable', 'later'),
        'GET /api/v1/agents': page([]),
        'GET /api/v1/budgets': page([]),
      },
    })
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'))
    expect(api.requests('POST /api/v1/auth/signup/confirm').map((r) => r.body)).toEqual([{ token: 'tok-1' }])
  })

  it('explains a used or expired link', async () => {
    renderApp('/signup/confirm?token=old', { signedIn: false, api: { 'POST /api/v1/auth/signup/confirm': problem(400, 'invalid_token', 'Invalid token.') } })
    expect(await screen.findByRole('heading', { name: 'Signup link not valid' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Sign up again' })).toHaveAttribute('href', '/signup')
  })

  it('offers another try after a server error', async () => {
    const { user, api } = renderApp('/signup/confirm?token=tok-1', {
      signedIn: false,
      api: { 'POST /api/v1/auth/signup/confirm': problem(503, 'unavailable', 'Try again in a moment.') },
    })
    expect(await screen.findByText('Try again in a moment.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(api.requests('POST /api/v1/auth/signup/confirm')).toHaveLength(2))
  })
})

describe('password reset', () => {
  it('asks for a link with a valid e-mail', async () => {
    const { user, api } = renderApp('/reset-password', { signedIn: false, api: { 'POST /api/v1/auth/password-reset': reply(202) } })
    await user.click(await screen.findByRole('button', { name: 'Send reset link' }))
    expect(screen.getByText('Enter your e-mail address.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('E-mail'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))
    expect(await screen.findByRole('status')).toHaveTextContent('If an account exists for ada@example.com')
    expect(api.requests('POST /api/v1/auth/password-reset')[0].body).toEqual({ email: 'ada@example.com' })
  })

  it('sets a new password with the link\'s token', async () => {
    const { user, api } = renderApp('/reset-password?token=rt-1', { signedIn: false, api: { 'POST /api/v1/auth/password-reset/confirm': reply(204) } })
    await user.type(await screen.findByLabelText('New password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Repeat the new password'), 'correct horse batter')
    await user.click(screen.getByRole('button', { name: 'Set new password' }))
    expect(screen.getByText('The two passwords are not the same.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Repeat the new password'), 'y')
    await user.click(screen.getByRole('button', { name: 'Set new password' }))
    expect(await screen.findByText('Your password has been changed. Sign in with the new one.')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/auth/password-reset/confirm')[0].body).toEqual({ token: 'rt-1', new_password: 'correct horse battery' })
  })

  it('explains an expired reset link', async () => {
    const { user } = renderApp('/reset-password?token=old', {
      signedIn: false,
      api: { 'POST /api/v1/auth/password-reset/confirm': problem(400, 'invalid_token', 'Invalid token.') },
    })
    await user.type(await screen.findByLabelText('New password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Repeat the new password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Set new password' }))
    expect(await screen.findByText(/This reset link is invalid or has expired/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', '/reset-password')
  })
})

// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { page, problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const tokens = { data: { access_token: 'access-2', refresh_token: 'refresh-2', expires_in: 900 } }

describe('sign in', () => {
  it('sends a visitor without a session to the login page, remembering where they were going', async () => {
    const { router } = renderApp('/agents?status=paused', { signedIn: false })
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/login')
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/agents?status=paused')
  })

  it('checks the fields before calling the API', async () => {
    const { api, user } = renderApp('/login', { signedIn: false })
    await user.click(await screen.findByRole('button', { name: 'Sign in' }))
    expect(screen.getByText('Enter your password.')).toBeInTheDocument()
    expect(screen.getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'true')
    expect(api.requests('POST /api/v1/auth/login')).toHaveLength(0)
  })

  it('signs in and goes on to the page asked for', async () => {
    const { api, user, router } = renderApp('/login?next=/agents', {
      signedIn: false,
      api: { 'POST /api/v1/auth/login': tokens, 'GET /api/v1/agents': page([]) },
    })
    await user.type(await screen.findByLabelText('E-mail'), ' ada@example.com ')
    await user.type(screen.getByLabelText('Password'), 'correct horse')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('No agents yet')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/agents')
    expect(api.requests('POST /api/v1/auth/login')[0].body).toEqual({ email: 'ada@example.com', password: 'correct horse' })
    // the new session's token is sent with the API calls
    expect(api.requests('GET /api/v1/auth/me')[0].headers.get('Authorization')).toBe('Bearer access-2')
  })

  it('shows wrong credentials as the API words them', async () => {
    const { user } = renderApp('/login', {
      signedIn: false,
      api: { 'POST /api/v1/auth/login': problem(401, 'invalid_credentials', 'E-mail or password is wrong.') },
    })
    await user.type(await screen.findByLabelText('E-mail'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'nope')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('E-mail or password is wrong.')).toBeInTheDocument()
  })

  it('counts down after too many attempts and keeps the button disabled meanwhile', async () => {
    const { user } = renderApp('/login', {
      signedIn: false,
      api: { 'POST /api/v1/auth/login': problem(429, 'rate_limited', 'Too many requests.') },
    })
    await user.type(await screen.findByLabelText('E-mail'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'nope')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText(/Too many attempts\. Try again in \d+ s\./)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled()
  })

  it('asks for the second factor and completes the login with it', async () => {
    const { api, user, router } = renderApp('/login?next=/agents', {
      signedIn: false,
      api: {
        'POST /api/v1/auth/login': problem(401, 'mfa_required', 'Enter your code.', { challenge: 'ch-1' }),
        'POST /api/v1/auth/mfa/verify': tokens,
        'GET /api/v1/agents': page([]),
      },
    })
    await user.type(await screen.findByLabelText('E-mail'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'correct horse')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    const code = await screen.findByLabelText('Authentication code')
    await user.type(code, '123')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(screen.getByText('Authenticator codes have 6 digits.')).toBeInTheDocument()
    await user.clear(code)
    await user.type(code, '123 456')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/agents'))
    expect(api.requests('POST /api/v1/auth/mfa/verify')[0].body).toEqual({ challenge: 'ch-1', code: '123456' })
  })

  it('disables Verify when the challenge has expired, and Start over goes back to the password', async () => {
    const { user } = renderApp('/login', {
      signedIn: false,
      api: {
        'POST /api/v1/auth/login': problem(401, 'mfa_required', 'Enter your code.', { challenge: 'ch-1' }),
        'POST /api/v1/auth/mfa/verify': problem(401, 'challenge_expired', 'The sign-in took too long. Start over.'),
      },
    })
    await user.type(await screen.findByLabelText('E-mail'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'pw')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await user.type(await screen.findByLabelText('Authentication code'), '654321')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByText('The sign-in took too long. Start over.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Verify' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Start over' }))
    expect(screen.getByLabelText('E-mail')).toHaveValue('ada@example.com')
  })
})

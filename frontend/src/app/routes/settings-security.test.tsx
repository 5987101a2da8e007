// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aMe } from '@/testing/data'
import { problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const withMfa = (on: boolean) => aMe('member', { user: { ...aMe().user, mfa_enabled: on } })

describe('two-factor settings', () => {
  it('enrols: shows the secret, checks the first code, then shows the recovery codes once', async () => {
    let enabled = false
    const { user, api } = renderApp('/settings/security', {
      api: {
        'GET /api/v1/auth/me': () => ({ data: withMfa(enabled) }),
        'POST /api/v1/auth/mfa/enroll': { data: { secret: 'JBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/AgentOps:ada?secret=JBSWY3DPEHPK3PXP' } },
        'POST /api/v1/auth/mfa/confirm': () => {
          enabled = true
          return { data: { recovery_codes: ['aaaa-1111', 'bbbb-2222'] } }
        },
      },
    })
    expect(await screen.findByText('Off')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Set up 2FA' }))
    expect(await screen.findByTestId('mfa-secret')).toHaveTextContent('JBSW Y3DP EHPK 3PXP')
    expect(screen.getByRole('img', { name: 'QR code for your authenticator app' })).toBeInTheDocument()

    await user.type(screen.getByLabelText('Code from the app'), '12345')
    await user.click(screen.getByRole('button', { name: 'Turn on 2FA' }))
    expect(screen.getByText('The code has 6 digits.')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/auth/mfa/confirm')).toHaveLength(0)

    await user.type(screen.getByLabelText('Code from the app'), '6')
    await user.click(screen.getByRole('button', { name: 'Turn on 2FA' }))
    const dialog = await screen.findByRole('dialog', { name: 'Save your recovery codes' })
    expect(within(within(dialog).getByRole('list', { name: 'Recovery codes' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'aaaa-1111',
      'bbbb-2222',
    ])
    expect(api.requests('POST /api/v1/auth/mfa/confirm')[0].body).toEqual({ code: '123456' })
    const done = within(dialog).getByRole('button', { name: 'Done' })
    expect(done).toBeDisabled()
    await user.click(within(dialog).getByRole('checkbox', { name: 'I saved these codes somewhere safe.' }))
    await user.click(done)
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument())
    expect(await screen.findByText('On')).toBeInTheDocument()
  })

  it('shows a wrong first code at the code field', async () => {
    const { user } = renderApp('/settings/security', {
      me: withMfa(false),
      api: {
        'POST /api/v1/auth/mfa/enroll': { data: { secret: 'JBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/x' } },
        'POST /api/v1/auth/mfa/confirm': problem(422, 'validation_failed', 'Invalid.', { fields: [{ field: 'code', problem: 'That code is not right.' }] }),
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Set up 2FA' }))
    await user.type(await screen.findByLabelText('Code from the app'), '111111')
    await user.click(screen.getByRole('button', { name: 'Turn on 2FA' }))
    expect(await screen.findByText('That code is not right.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('button', { name: 'Set up 2FA' })).toBeInTheDocument()
  })

  it('shows why enrolment could not start', async () => {
    const { user } = renderApp('/settings/security', {
      me: withMfa(false),
      api: { 'POST /api/v1/auth/mfa/enroll': problem(409, 'mfa_already_enabled', 'Two-factor authentication is already on.') },
    })
    await user.click(await screen.findByRole('button', { name: 'Set up 2FA' }))
    expect(await screen.findByText('Two-factor authentication is already on.')).toBeInTheDocument()
  })

  it('turns 2FA off with the password and a code', async () => {
    const { user, api } = renderApp('/settings/security', {
      me: withMfa(true),
      api: {
        'POST /api/v1/auth/mfa/disable': (request: { body: { password: string } }) =>
          request.body.password === 'right' ? { data: { mfa_enabled: false } } : problem(422, 'validation_failed', 'Invalid.', { fields: [{ field: 'password', problem: 'Wrong password.' }] }),
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Turn off' }))
    const dialog = await screen.findByRole('dialog', { name: 'Turn off two-factor authentication?' })
    await user.click(within(dialog).getByRole('button', { name: 'Turn off 2FA' }))
    expect(within(dialog).getByText('Enter your password.')).toBeInTheDocument()
    expect(within(dialog).getByText('Enter a code from your app, or a recovery code.')).toBeInTheDocument()

    await user.type(within(dialog).getByLabelText('Password'), 'wrong')
    await user.type(within(dialog).getByLabelText('Authentication code'), '123 456')
    await user.click(within(dialog).getByRole('button', { name: 'Turn off 2FA' }))
    expect(await within(dialog).findByText('Wrong password.')).toBeInTheDocument()

    await user.clear(within(dialog).getByLabelText('Password'))
    await user.type(within(dialog).getByLabelText('Password'), 'right')
    await user.click(within(dialog).getByRole('button', { name: 'Turn off 2FA' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Turn off two-factor authentication?' })).not.toBeInTheDocument())
    expect(api.requests('POST /api/v1/auth/mfa/disable').at(-1)?.body).toEqual({ password: 'right', code: '123456' })
  })
})

// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { USER_ID } from '@/testing/data'
import { never, page, problem, reply } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const member = (overrides: Record<string, unknown> = {}) => ({
  id: 'm1',
  user_id: USER_ID,
  email: 'ada@example.com',
  full_name: 'Ada Lovelace',
  role: 'admin',
  teams: [],
  status: 'active',
  created_at: '2026-01-01T00:00:00Z',
  ...overrides,
})
const grace = member({ id: 'm2', user_id: 'u2', email: 'grace@example.com', full_name: 'Grace Hopper', role: 'member', teams: ['platform'] })
const invited = member({ id: 'm3', user_id: null, email: 'alan@example.com', full_name: null, role: 'viewer', status: 'invited' })

describe('members settings', () => {
  it('shows a spinner, then the members with their roles and teams', async () => {
    renderApp('/settings/members', { api: { 'GET /api/v1/org-members': page([member(), grace, invited]) } })
    const table = await screen.findByRole('table', { name: 'Members' })
    const ada = within(table).getByText('Ada Lovelace').closest('tr')!
    expect(within(ada).getByText('You')).toBeInTheDocument()
    expect(within(table).getByRole('combobox', { name: 'Role of Grace Hopper' })).toHaveValue('member')
    expect(within(table).getByText('platform')).toBeInTheDocument()
    expect(within(table).getByText('Not joined yet')).toBeInTheDocument()
    expect(within(table).getByText('Invited')).toBeInTheDocument()
  })

  it('shows only names and roles to a viewer, without controls', async () => {
    renderApp('/settings/members', { role: 'viewer', api: { 'GET /api/v1/org-members': page([member({ role: 'viewer' }), grace]) } })
    const table = await screen.findByRole('table', { name: 'Members' })
    expect(within(table).queryByRole('combobox')).not.toBeInTheDocument()
    expect(within(within(table).getByText('Grace Hopper').closest('tr')!).getByText('Member')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Invite/ })).not.toBeInTheDocument()
  })

  it('says so when loading fails', async () => {
    renderApp('/settings/members', { api: { 'GET /api/v1/org-members': problem(500, 'internal', 'Something broke on our side.') } })
    expect(await screen.findByText(/Something broke on our side\./)).toBeInTheDocument()
  })

  it('loads more members', async () => {
    const { user, api } = renderApp('/settings/members', {
      api: { 'GET /api/v1/org-members': ({ query }: { query: URLSearchParams }) => (query.get('cursor') ? page([grace]) : page([member()], 'next')) },
    })
    await user.click(await screen.findByRole('button', { name: 'Load more' }))
    expect(await screen.findByText('Grace Hopper')).toBeInTheDocument()
    expect(api.requests('GET /api/v1/org-members')[1].query.get('cursor')).toBe('next')
  })

  it('changes a role with PATCH and confirms it', async () => {
    const { user, api } = renderApp('/settings/members', {
      api: {
        'GET /api/v1/org-members': page([member(), grace]),
        'PATCH /api/v1/org-members/:id': ({ body }: { body: { role: string } }) => ({ data: { ...grace, role: body.role } }),
      },
    })
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Role of Grace Hopper' }), 'team_lead')
    expect(await screen.findByText('Grace Hopper is now Team lead.')).toBeInTheDocument()
    const [patch] = api.requests('PATCH /api/v1/org-members/:id')
    expect(patch.params.id).toBe('m2')
    expect(patch.body).toEqual({ role: 'team_lead' })
  })

  it('shows the refusal of a role change as a toast', async () => {
    const { user } = renderApp('/settings/members', {
      api: {
        'GET /api/v1/org-members': page([member()]),
        'PATCH /api/v1/org-members/:id': problem(409, 'last_admin', 'The organization needs at least one admin.'),
      },
    })
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Role of Ada Lovelace' }), 'viewer')
    expect(await screen.findByText('The organization needs at least one admin.')).toBeInTheDocument()
  })

  it('withdraws an invitation after confirming', async () => {
    const { user, api } = renderApp('/settings/members', {
      api: { 'GET /api/v1/org-members': page([member(), invited]), 'DELETE /api/v1/org-members/:id': reply(204) },
    })
    await user.click(await screen.findByRole('button', { name: 'Remove alan@example.com' }))
    const dialog = await screen.findByRole('dialog', { name: 'Withdraw the invitation?' })
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw invitation' }))
    expect(await screen.findByText('Invitation withdrawn.')).toBeInTheDocument()
    expect(api.requests('DELETE /api/v1/org-members/:id').map((r) => r.params.id)).toEqual(['m3'])
  })

  it('keeps the remove dialog open with the error when removing fails', async () => {
    const { user } = renderApp('/settings/members', {
      api: {
        'GET /api/v1/org-members': page([member(), grace]),
        'DELETE /api/v1/org-members/:id': problem(403, 'forbidden', 'You cannot remove this member.'),
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Remove Grace Hopper' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove this member?' })
    await user.click(within(dialog).getByRole('button', { name: 'Remove member' }))
    expect(await within(dialog).findByText('You cannot remove this member.')).toBeInTheDocument()
  })

  it('invites a member: validates the e-mail, sends role and teams, and shows the link', async () => {
    const { user, api } = renderApp('/settings/members', {
      api: {
        'GET /api/v1/org-members': page([member()]),
        'POST /api/v1/org-members': ({ body }: { body: { email: string; role: string } }) => ({
          data: {
            id: 'm9',
            email: body.email,
            role: body.role,
            teams: ['data'],
            status: 'invited',
            invite_url: 'http://localhost/accept-invite?token=t1',
            invite_expires_at: '2026-12-10T00:00:00Z',
          },
        }),
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Invite' }))
    const dialog = await screen.findByRole('dialog', { name: 'Invite a member' })
    await user.type(within(dialog).getByLabelText('E-mail'), 'not-an-email')
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }))
    expect(within(dialog).getByText('Enter a valid e-mail address, like name@example.com.')).toBeInTheDocument()
    await user.clear(within(dialog).getByLabelText('E-mail'))
    await user.type(within(dialog).getByLabelText('E-mail'), 'linus@example.com')
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'team_lead')
    expect(within(dialog).getByText('Manages agents, budgets and policies; decides approvals.')).toBeInTheDocument()
    await user.type(within(dialog).getByLabelText('Teams'), 'data, platform')
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }))
    expect(await within(dialog).findByDisplayValue('http://localhost/accept-invite?token=t1')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/org-members')[0].body).toEqual({ email: 'linus@example.com', role: 'team_lead', teams: ['data', 'platform'] })
    await user.click(within(dialog).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Invite a member' })).not.toBeInTheDocument())
  })

  it('shows the server\'s problem with an invitation at its field', async () => {
    const { user } = renderApp('/settings/members', {
      api: {
        'GET /api/v1/org-members': never,
        'POST /api/v1/org-members': problem(422, 'validation_failed', 'Invalid.', { fields: [{ field: 'email', problem: 'Already a member.' }] }),
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Invite' }))
    const dialog = await screen.findByRole('dialog', { name: 'Invite a member' })
    await user.type(within(dialog).getByLabelText('E-mail'), 'ada@example.com')
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }))
    expect(await within(dialog).findByText('Already a member.')).toBeInTheDocument()
  })
  it('edits the teams of a member', async () => {
    const { user, api } = renderApp('/settings/members', {
      api: {
        'GET /api/v1/org-members': page([member(), grace]),
        'PATCH /api/v1/org-members/:id': ({ body }: { body: { teams: string[] } }) => ({ data: { ...grace, teams: body.teams } }),
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Edit teams of Grace Hopper' }))
    const dialog = await screen.findByRole('dialog', { name: 'Teams' })
    expect(within(dialog).getByLabelText('Teams')).toHaveValue('platform')
    await user.type(within(dialog).getByLabelText('Teams'), ', data')
    await user.click(within(dialog).getByRole('button', { name: 'Save teams' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Teams' })).not.toBeInTheDocument())
    expect(api.requests('PATCH /api/v1/org-members/:id')[0].body).toEqual({ teams: ['platform', 'data'] })
  })
})

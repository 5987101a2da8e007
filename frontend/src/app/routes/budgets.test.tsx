// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { anAgent } from '@/testing/data'
import { never, page, problem, reply } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const budget = (overrides: Record<string, unknown> = {}) => ({
  id: 'b1',
  name: 'Monthly OpenAI',
  scope: 'organization',
  team_name: null,
  agent_id: null,
  max_amount_usd: 100,
  period: 'monthly',
  alert_thresholds: [50, 80, 100],
  auto_pause_at_percent: 100,
  channels: ['in_app', 'email'],
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
  status: {
    period_start: '2026-12-01T00:00:00Z',
    period_end: '2027-01-01T00:00:00Z',
    spent_usd: 85,
    unpriced_runs: 2,
    percent: 85,
    remaining_usd: 15,
    forecast_usd: 140,
    state: 'warning',
  },
  ...overrides,
})

const alert = (overrides: Record<string, unknown> = {}) => ({
  id: 'al1',
  budget_id: 'b1',
  kind: 'threshold',
  threshold: 80,
  period_start: '2026-12-01T00:00:00Z',
  period_end: '2027-01-01T00:00:00Z',
  spent_usd: 81,
  max_amount_usd: 100,
  percent: 81,
  channels: ['in_app'],
  paused_agent_ids: [],
  created_at: '2026-12-02T00:00:00Z',
  notified_at: null,
  ...overrides,
})

const base = {
  'GET /api/v1/agents': page([anAgent(), anAgent({ id: 'a2', name: 'Billing bot', team: 'finance' })]),
  'GET /api/v1/budgets/:id/alerts': page([alert()]),
}

describe('budgets page', () => {
  it('shows a spinner, then each budget with its spend, forecast and settings', async () => {
    renderApp('/budgets', { api: { ...base, 'GET /api/v1/budgets': page([budget()]) } })
    const card = await screen.findByRole('article', { name: 'Budget Monthly OpenAI' })
    expect(within(card).getByText(/Whole organization/)).toBeInTheDocument()
    expect(within(card).getByText('$140.00')).toBeInTheDocument()
    expect(within(card).getByText('50 %, 80 %, 100 %')).toBeInTheDocument()
    expect(within(card).getByText('At 100 %')).toBeInTheDocument()
    expect(within(card).getByText(/2 runs in this period had no price/)).toBeInTheDocument()
    expect(within(card).getByText('Channels: In the app, E-mail')).toBeInTheDocument()
    expect(await within(card).findByRole('button', { name: 'Alerts this period (1)' })).toBeInTheDocument()
  })

  it('says what a budget does when there is none', async () => {
    renderApp('/budgets', { api: { ...base, 'GET /api/v1/budgets': page([]) } })
    expect(await screen.findByText('No budgets yet')).toBeInTheDocument()
  })

  it('shows a failed load', async () => {
    renderApp('/budgets', { api: { ...base, 'GET /api/v1/budgets': problem(500, 'internal', 'Budgets are unavailable.') } })
    expect(await screen.findByText('Could not load the budgets')).toBeInTheDocument()
  })

  it('shows the loading state', async () => {
    renderApp('/budgets', { api: { ...base, 'GET /api/v1/budgets': never } })
    expect(await screen.findByText('Loading the budgets')).toBeInTheDocument()
  })

  it('disables the buttons for a member, with who may use them', async () => {
    renderApp('/budgets', { role: 'member', api: { ...base, 'GET /api/v1/budgets': page([budget()]) } })
    const card = await screen.findByRole('article', { name: 'Budget Monthly OpenAI' })
    expect(within(card).getByRole('button', { name: 'Edit Monthly OpenAI' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'New budget' })).toHaveAttribute('title', 'Only team leads and admins can do this.')
  })

  it('creates a team budget: validates, then posts the parsed form', async () => {
    const { user, api } = renderApp('/budgets', {
      api: {
        ...base,
        'GET /api/v1/budgets': page([]),
        'POST /api/v1/budgets': ({ body }: { body: Record<string, unknown> }) => reply(201, { data: budget({ ...body, id: 'b2' }) }),
      },
    })
    await screen.findByText('No budgets yet')
    // the header's button and the empty state's
    expect(screen.getAllByRole('button', { name: 'New budget' })).toHaveLength(2)
    await user.click(screen.getAllByRole('button', { name: 'New budget' })[0])
    const dialog = await screen.findByRole('dialog', { name: 'New budget' })
    await user.selectOptions(within(dialog).getByLabelText('Scope'), 'team')
    await user.clear(within(dialog).getByLabelText('Alert at (% of the limit)'))
    await user.type(within(dialog).getByLabelText('Alert at (% of the limit)'), '80, 80')
    await user.click(within(dialog).getByRole('button', { name: 'Create budget' }))
    expect(within(dialog).getByText('Give the budget a name.')).toBeInTheDocument()
    expect(within(dialog).getByText('Pick a team.')).toBeInTheDocument()
    expect(within(dialog).getByText('Give the limit in US dollars.')).toBeInTheDocument()
    expect(within(dialog).getByText('80 % is there twice.')).toBeInTheDocument()

    await user.type(within(dialog).getByLabelText('Name'), 'Finance cap')
    await user.selectOptions(within(dialog).getByLabelText('Team'), 'finance')
    await user.type(within(dialog).getByLabelText('Limit (USD)'), '$1,250.50')
    await user.clear(within(dialog).getByLabelText('Alert at (% of the limit)'))
    await user.type(within(dialog).getByLabelText('Alert at (% of the limit)'), '90 50')
    await user.type(within(dialog).getByLabelText('Pause agents at (%)'), '120%')
    await user.click(within(dialog).getByRole('checkbox', { name: 'Webhooks' }))
    await user.click(within(dialog).getByRole('button', { name: 'Create budget' }))
    expect(await screen.findByText('Budget "Finance cap" created.')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/budgets')[0].body).toEqual({
      name: 'Finance cap',
      scope: 'team',
      team_name: 'finance',
      max_amount_usd: 1250.5,
      period: 'monthly',
      alert_thresholds: [50, 90],
      auto_pause_at_percent: 120,
      channels: ['in_app', 'webhook'],
    })
  })

  it('edits a budget with PATCH and shows the server\'s field problem', async () => {
    const { user, api } = renderApp('/budgets', {
      api: {
        ...base,
        'GET /api/v1/budgets': page([budget()]),
        'PATCH /api/v1/budgets/:id': problem(422, 'validation_failed', 'Invalid.', { fields: [{ field: 'max_amount_usd', problem: 'Too large.' }] }),
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Edit Monthly OpenAI' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit "Monthly OpenAI"' })
    expect(within(dialog).getByLabelText('Scope')).toBeDisabled()
    await user.clear(within(dialog).getByLabelText('Pause agents at (%)'))
    await user.click(within(dialog).getByRole('button', { name: 'Save budget' }))
    expect(await within(dialog).findByText('Too large.')).toBeInTheDocument()
    const [patch] = api.requests('PATCH /api/v1/budgets/:id')
    expect(patch.params.id).toBe('b1')
    // an emptied auto-pause is sent as 0 (off); null would leave it unchanged
    expect(patch.body).toMatchObject({ name: 'Monthly OpenAI', max_amount_usd: 100, auto_pause_at_percent: 0 })
  })

  it('deletes a budget after confirming', async () => {
    const { user, api } = renderApp('/budgets', {
      api: { ...base, 'GET /api/v1/budgets': page([budget()]), 'DELETE /api/v1/budgets/:id': reply(204) },
    })
    await user.click(await screen.findByRole('button', { name: 'Delete Monthly OpenAI' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete "Monthly OpenAI"?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete budget' }))
    expect(await screen.findByText('Budget "Monthly OpenAI" deleted.')).toBeInTheDocument()
    expect(api.requests('DELETE /api/v1/budgets/:id')).toHaveLength(1)
  })

  it('resumes the agents the budget paused, with a reason', async () => {
    const { user, api } = renderApp('/budgets', {
      api: {
        ...base,
        'GET /api/v1/budgets': page([budget({ status: { ...budget().status, percent: 50, state: 'ok' } })]),
        'GET /api/v1/budgets/:id/alerts': page([alert({ kind: 'auto_pause', threshold: 100, paused_agent_ids: ['a2'] })]),
        'GET /api/v1/controls/status': {
          data: { halt: { engaged: false }, paused_agents: [{ agent_id: 'a2', name: 'Billing bot', slug: 'billing', agent_status: 'paused', pause_source: 'budget' }] },
        },
        'POST /api/v1/controls/resume-agent/:id': { data: { agent_id: 'a2', agent_status: 'active' } },
      },
    })
    await user.click(await screen.findByRole('button', { name: /Resume the 1 agent this budget paused/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Resume 1 agent?' })
    await user.click(within(dialog).getByRole('button', { name: 'Resume agents' }))
    expect(within(dialog).getByText('Say why: the reason goes into the audit log.')).toBeInTheDocument()
    await user.type(within(dialog).getByLabelText('Reason'), 'Limit raised')
    await user.click(within(dialog).getByRole('button', { name: 'Resume agents' }))
    expect(await screen.findByText('1 agent resumed.')).toBeInTheDocument()
    const [resume] = api.requests('POST /api/v1/controls/resume-agent/:id')
    expect(resume.params.id).toBe('a2')
    expect(resume.body).toEqual({ reason: 'Limit raised' })
  })
})

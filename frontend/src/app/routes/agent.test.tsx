// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { anAgent, aRun } from '@/testing/data'
import { never, page, problem, reply } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const agent = anAgent({ config: { model: 'gpt-4o' }, last_run_at: '2026-12-01T10:00:00Z' })
const id = agent.id
const base = { 'GET /api/v1/agents/:id': { data: agent }, 'GET /api/v1/runs': page([aRun()]), 'GET /api/v1/agents': page([agent]) }
const figures = (cost: number, runs: number) => ({ cost_usd: cost, runs, unpriced_runs: 0, input_tokens: runs * 100, output_tokens: runs * 10 })

describe('agent page', () => {
  it('shows the agent\'s figures, details and recent runs', async () => {
    renderApp(`/agents/${id}`, { api: base })
    expect(await screen.findByRole('heading', { name: 'Support bot' })).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Runs (24 h)' })).getByTestId('stat-value')).toHaveTextContent('12')
    expect(within(screen.getByRole('region', { name: 'Error rate (24 h)' })).getByTestId('stat-value')).toHaveTextContent('25%')
    expect(await screen.findByRole('table', { name: 'Recent runs' })).toHaveTextContent('run-ref-1')
    expect(screen.getByRole('navigation', { name: 'Agent' })).toBeInTheDocument()
  })

  it('says when the agent does not exist', async () => {
    renderApp('/agents/nope', { api: { 'GET /api/v1/agents/:id': problem(404, 'not_found', 'No such agent.') } })
    expect(await screen.findByText('There is no such agent')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'All agents' })).toHaveAttribute('href', '/agents')
  })

  it('shows other failures with a retry, and a spinner while loading', async () => {
    renderApp(`/agents/${id}`, { api: { 'GET /api/v1/agents/:id': problem(500, 'internal', 'Agents are down.') } })
    expect(await screen.findByText('Could not load the agent')).toBeInTheDocument()
  })

  it('shows a spinner while the agent loads', async () => {
    renderApp(`/agents/${id}`, { api: { 'GET /api/v1/agents/:id': never } })
    expect(await screen.findByText('Loading the agent')).toBeInTheDocument()
  })

  it('edits the agent, sending only the changed fields', async () => {
    const { user, api } = renderApp(`/agents/${id}`, {
      api: { ...base, 'PATCH /api/v1/agents/:id': ({ body }: { body: Record<string, unknown> }) => ({ data: { ...agent, ...body } }) },
    })
    await user.click(await screen.findByRole('button', { name: 'Edit' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit Support bot' })
    expect(within(dialog).getByLabelText('Slug')).toBeDisabled()
    await user.clear(within(dialog).getByLabelText('Team'))
    await user.type(within(dialog).getByLabelText('Team'), 'care')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('"Support bot" saved.')).toBeInTheDocument()
    expect(api.requests('PATCH /api/v1/agents/:id')[0].body).toEqual({ team: 'care' })
  })

  it('pauses the agent with a reason', async () => {
    const { user, api } = renderApp(`/agents/${id}`, {
      api: { ...base, 'POST /api/v1/controls/pause-agent/:id': { data: { agent_id: id, agent_status: 'paused' } } },
    })
    await user.click(await screen.findByRole('button', { name: 'Pause Support bot' }))
    const dialog = await screen.findByRole('dialog', { name: 'Pause "Support bot"?' })
    await user.type(within(dialog).getByLabelText('Reason'), 'Looping')
    await user.click(within(dialog).getByRole('button', { name: 'Pause agent' }))
    expect(await screen.findByText('"Support bot" paused: new runs are refused.')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/controls/pause-agent/:id')[0].body).toEqual({ reason: 'Looping' })
  })

  it('archives the agent and goes back to the list', async () => {
    const { user, api, router } = renderApp(`/agents/${id}`, { api: { ...base, 'DELETE /api/v1/agents/:id': reply(204) } })
    await user.click(await screen.findByRole('button', { name: 'Archive' }))
    const dialog = await screen.findByRole('dialog', { name: 'Archive this agent?' })
    await user.click(within(dialog).getByRole('button', { name: 'Archive agent' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/agents'))
    expect(api.requests('DELETE /api/v1/agents/:id')[0].params.id).toBe(id)
  })

  it('shows a paused agent as paused, and a viewer gets no edit buttons', async () => {
    renderApp(`/agents/${id}`, { role: 'viewer', api: { ...base, 'GET /api/v1/agents/:id': { data: { ...agent, status: 'paused' } } } })
    expect(await screen.findByText('This agent is paused: new runs are refused until it is resumed.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Resume Support bot' })).toBeDisabled()
  })

  it('lists the agent\'s runs only', async () => {
    const { api } = renderApp(`/agents/${id}/runs`, { api: { ...base, 'GET /api/v1/runs': page([]) } })
    expect(await screen.findByText('No runs yet')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the agent' })).toHaveAttribute('href', `/agents/${id}`)
    expect(api.requests('GET /api/v1/runs').at(-1)!.query.get('agent_id')).toBe(id)
  })

  it('shows the agent\'s costs and the budgets covering it', async () => {
    renderApp(`/agents/${id}/costs`, {
      api: {
        ...base,
        'GET /api/v1/costs/by-agent/:id': {
          data: {
            agent_id: id,
            name: 'Support bot',
            team: 'support',
            range: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', timezone: 'UTC' },
            total: figures(12.5, 40),
            by_day: [{ day: '2026-11-30', figures: figures(12.5, 40) }],
            by_model: [{ model: 'gpt-4o', figures: figures(12.5, 40) }],
          },
        },
        'GET /api/v1/budgets': page([]),
      },
    })
    expect(await within(await screen.findByRole('region', { name: 'Spend' })).findByText('$12.50')).toBeInTheDocument()
    expect(await screen.findByText('No budget covers this agent.')).toBeInTheDocument()
  })

  it('shows the agent\'s trends', async () => {
    renderApp(`/agents/${id}/analytics`, {
      api: {
        ...base,
        'GET /api/v1/dashboard/agent/:id': {
          data: {
            range: { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z', bucket: 'hour' },
            kpis: { runs: 40, errors: 4, error_rate: 0.1, cost_usd: 2, latency_p50_ms: 800, latency_p95_ms: 2000 },
            series: [{ bucket: '2026-12-01T10:00:00Z', runs: 40, errors: 4, cost_usd: 2, latency_p50_ms: 800, latency_p95_ms: 2000 }],
            cost_by_model: [{ model: 'gpt-4o', cost_usd: 2 }],
          },
        },
      },
    })
    expect(await screen.findByRole('radio', { name: 'Last 24 hours' })).toBeChecked()
    expect(await screen.findByText('2.0 s')).toBeInTheDocument()
  })
})

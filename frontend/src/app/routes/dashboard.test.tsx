// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { anAgent } from '@/testing/data'
import { never, page, problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const home = (kpis: Record<string, unknown>) => ({
  data: {
    range: { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z', bucket: 'hour' },
    kpis: { runs: 0, errors: 0, error_rate: 0, cost_usd: 0, active_agents: 0, previous: { runs: 0, errors: 0, error_rate: 0, cost_usd: 0, active_agents: 0 }, ...kpis },
    series: [{ bucket: '2026-12-01T10:00:00Z', runs: 40, errors: 2, cost_usd: 1.2 }],
    top_agents: [{ agent_id: anAgent().id, name: 'Support bot', runs: 40, error_rate: 0.05, cost_usd: 1.2 }],
    cost_by_model: [{ model: 'gpt-4o', cost_usd: 1.2 }],
    cost_by_agent: [{ agent_id: anAgent().id, name: 'Support bot', cost_usd: 1.2 }],
    attention: [{ agent_id: 'a2', name: 'Billing bot', reason: 'error_rate', detail: '30 % failed' }],
  },
})
const agents = page([anAgent(), anAgent({ id: 'a2', name: 'Billing bot', status: 'error' }), anAgent({ id: 'a3', name: 'Paused bot', status: 'paused' })])
const base = { 'GET /api/v1/agents': agents, 'GET /api/v1/budgets': page([]) }

describe('dashboard', () => {
  it('shows the KPIs against the previous period, agent health and what needs attention', async () => {
    renderApp('/dashboard', {
      api: { ...base, 'GET /api/v1/dashboard/home': home({ runs: 40, errors: 2, error_rate: 0.05, cost_usd: 1.2, active_agents: 2, previous: { runs: 20, errors: 1, error_rate: 0.05, cost_usd: 2.4, active_agents: 2 } }) },
    })
    const runs = await screen.findByRole('region', { name: 'Runs' })
    expect(within(runs).getByTestId('stat-value')).toHaveTextContent('40')
    expect(within(runs).getByText(/\+100% vs previous/)).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Cost' })).getByText(/−50% vs previous/)).toBeInTheDocument()
    const attention = screen.getByRole('region', { name: 'Needs attention' })
    expect(within(attention).getByRole('link', { name: /Billing bot.*High error rate · 30 % failed/ })).toHaveAttribute('href', '/agents/a2')
    const health = await screen.findByRole('region', { name: /Agent health|Agents/ })
    expect(health).toHaveTextContent(/Paused\s*1/)
  })

  it('says how to send the first run when there are none', async () => {
    renderApp('/dashboard', { api: { ...base, 'GET /api/v1/dashboard/home': home({}) } })
    expect(await screen.findByText('No runs yet — send one with the SDK')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Send your first run' })).toHaveAttribute('href', '/agents/new')
  })

  it('shows a spinner, then the error of a failed load', async () => {
    renderApp('/dashboard', { api: { ...base, 'GET /api/v1/dashboard/home': never } })
    expect(await screen.findByText('Loading the dashboard')).toBeInTheDocument()
  })

  it('shows the error envelope when the dashboard cannot load', async () => {
    renderApp('/dashboard', { api: { ...base, 'GET /api/v1/dashboard/home': problem(503, 'unavailable', 'Metrics are warming up.') } })
    expect(await screen.findByText('Could not load the dashboard')).toBeInTheDocument()
    expect(screen.getByText(/Metrics are warming up\./)).toBeInTheDocument()
  })

  it('keeps the filters in the URL and sends them to the API', async () => {
    const { user, api, router } = renderApp('/dashboard', { api: { ...base, 'GET /api/v1/dashboard/home': home({ runs: 3 }) } })
    await screen.findByRole('region', { name: 'Runs' })
    await user.click(screen.getByRole('radio', { name: '7d' }))
    await user.selectOptions(screen.getByLabelText('Run status'), 'failed')
    expect(new URLSearchParams(router.state.location.search).get('range')).toBe('7d')
    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('failed')
    const last = api.requests('GET /api/v1/dashboard/home').at(-1)!.query
    expect(last.get('status')).toBe('failed')
    const days = (Date.parse(last.get('to')!) - Date.parse(last.get('from')!)) / 86_400_000
    expect(Math.round(days)).toBe(7)
  })
})

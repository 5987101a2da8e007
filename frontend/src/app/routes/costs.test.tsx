// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { anAgent } from '@/testing/data'
import { never, problem, reply } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const figures = (cost: number, runs: number, unpriced = 0) => ({ cost_usd: cost, runs, unpriced_runs: unpriced, input_tokens: runs * 1000, output_tokens: runs * 100 })
const range = { from: '2026-11-03T00:00:00Z', to: '2026-12-03T00:00:00Z', timezone: 'UTC' }
const summary = {
  data: {
    range,
    total: figures(42.5, 120, 3),
    by_day: [{ day: '2026-12-01', figures: figures(42.5, 120, 3) }],
    by_agent: [{ agent_id: anAgent().id, name: 'Support bot', team: 'support', figures: figures(42.5, 120, 3) }],
    by_team: [
      { team: 'support', figures: figures(40, 100) },
      { team: null, figures: figures(2.5, 20) },
    ],
    by_model: [{ model: 'gpt-4o', figures: figures(42.5, 120) }],
    budgets: [],
  },
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('costs page', () => {
  it('shows the totals, the unpriced runs and the tables', async () => {
    renderApp('/costs', { api: { 'GET /api/v1/costs/summary': summary } })
    expect(await within(await screen.findByRole('region', { name: 'Total spend' })).findByText('$42.50')).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Runs' })).getByTestId('stat-value')).toHaveTextContent('120')
    expect(screen.getByText(/3 runs/)).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Cost by agent' })).toHaveTextContent('Support bot')
    expect(within(screen.getByRole('table', { name: 'Cost by team' })).getByText('No team')).toBeInTheDocument()
  })

  it('opens a team in place with its own figures', async () => {
    const { user, api } = renderApp('/costs', {
      api: {
        'GET /api/v1/costs/summary': summary,
        'GET /api/v1/costs/by-team/:name': {
          data: { team: 'support', range, total: figures(40, 100), by_day: [], agents: summary.data.by_agent, by_model: [{ model: 'claude', figures: figures(40, 100) }] },
        },
      },
    })
    const teams = await screen.findByRole('table', { name: 'Cost by team' })
    await user.click(within(teams).getByRole('button', { name: 'support' }))
    expect(await screen.findByRole('table', { name: 'Cost of team support by model' })).toHaveTextContent('claude')
    expect(api.requests('GET /api/v1/costs/by-team/:name')[0].params.name).toBe('support')
  })

  it('asks the API for the preset picked', async () => {
    const { user, api, router } = renderApp('/costs', { api: { 'GET /api/v1/costs/summary': summary } })
    await screen.findByRole('region', { name: 'Total spend' })
    await user.click(screen.getByRole('radio', { name: 'Last 7 days' }))
    expect(new URLSearchParams(router.state.location.search).get('range')).toBe('7d')
    const query = api.requests('GET /api/v1/costs/summary').at(-1)!.query
    expect(Math.round((Date.parse(query.get('to')!) - Date.parse(query.get('from')!)) / 86_400_000)).toBe(7)
  })

  it('downloads the CSV of the range on screen', async () => {
    const created = vi.fn(() => 'blob:costs')
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() })
    const { user, api } = renderApp('/costs', {
      api: {
        'GET /api/v1/costs/summary': summary,
        'GET /api/v1/costs/export.csv': reply(200, 'day,cost\n2026-12-01,42.5\n', { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="costs-nov.csv"' }),
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }))
    expect(await screen.findByText('Downloaded costs-nov.csv.')).toBeInTheDocument()
    expect(created).toHaveBeenCalledTimes(1)
    const query = api.requests('GET /api/v1/costs/export.csv')[0].query
    expect([query.get('from'), query.get('to'), query.get('group_by')]).toEqual([range.from, range.to, 'run'])
  })

  it('shows a spinner, then a failed load', async () => {
    renderApp('/costs', { api: { 'GET /api/v1/costs/summary': never } })
    expect(await screen.findByText('Loading the costs')).toBeInTheDocument()
  })

  it('shows why the costs could not load', async () => {
    renderApp('/costs', { api: { 'GET /api/v1/costs/summary': problem(500, 'internal', 'Costs are down.') } })
    expect(await screen.findByText('Could not load the costs')).toBeInTheDocument()
  })
})

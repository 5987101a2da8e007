// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { anAgent, aRun, anEvent } from '@/testing/data'
import { never, page, problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const agents = { 'GET /api/v1/agents': page([anAgent()]) }

describe('runs page', () => {
  it('shows a spinner while the runs load', async () => {
    renderApp('/runs', { api: { ...agents, 'GET /api/v1/runs': never } })
    expect(await screen.findByText('Loading runs')).toBeInTheDocument()
  })

  it('lists the runs with their agent, tokens, cost and error', async () => {
    renderApp('/runs', {
      api: {
        ...agents,
        'GET /api/v1/runs': page([aRun(), aRun({ id: 'r2', external_reference: 'run-ref-2', status: 'failed', error: 'Tool timed out' })]),
      },
    })
    const table = await screen.findByRole('table', { name: 'Runs' })
    const first = within(table).getByRole('link', { name: 'run-ref-1' }).closest('tr')!
    expect(within(first).getByRole('link', { name: 'Support bot' })).toBeInTheDocument()
    expect(within(first).getByText('$0.0123')).toBeInTheDocument()
    expect(within(first).getByText('2.0 s')).toBeInTheDocument()
    expect(within(table).getByText('Tool timed out')).toBeInTheDocument()
    expect(screen.getByText('2 runs, no more.')).toBeInTheDocument()
  })

  it('explains an empty list, differently when filtered', async () => {
    renderApp('/runs?status=failed', { api: { ...agents, 'GET /api/v1/runs': page([]) } })
    expect(await screen.findByText('No runs match these filters')).toBeInTheDocument()
  })

  it('shows the error envelope of a failed load', async () => {
    renderApp('/runs', { api: { ...agents, 'GET /api/v1/runs': problem(500, 'internal', 'Runs are unavailable.') } })
    expect(await screen.findByText('Could not load the runs')).toBeInTheDocument()
    expect(screen.getByText(/Runs are unavailable\./)).toBeInTheDocument()
  })

  it('applies the filters to the URL and the API, and rejects a bad minimum cost', async () => {
    const { user, api, router } = renderApp('/runs', { api: { ...agents, 'GET /api/v1/runs': page([]) } })
    const form = await screen.findByRole('search', { name: 'Filter runs' })
    expect(await screen.findByText('No runs yet')).toBeInTheDocument()
    await user.type(within(form).getByLabelText('Minimum cost (USD)'), 'lots')
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }))
    expect(within(form).getByText('Minimum cost is an amount in USD, like 0.05.')).toBeInTheDocument()

    await user.clear(within(form).getByLabelText('Minimum cost (USD)'))
    await user.type(within(form).getByLabelText('Minimum cost (USD)'), '0.5')
    await user.selectOptions(within(form).getByLabelText('Status'), 'failed')
    await user.selectOptions(within(form).getByLabelText('Agent'), 'Support bot')
    await user.type(within(form).getByLabelText('Model'), ' gpt-4o ')
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }))
    expect(await screen.findByText('No runs match these filters')).toBeInTheDocument()
    const search = new URLSearchParams(router.state.location.search)
    expect(Object.fromEntries(search)).toEqual({ status: 'failed', agent_id: anAgent().id, model: 'gpt-4o', min_cost: '0.5' })
    const query = api.requests('GET /api/v1/runs').at(-1)!.query
    expect(query.get('status')).toBe('failed')
    expect(query.get('min_cost')).toBe('0.5')

    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(await screen.findByText('No runs yet')).toBeInTheDocument()
    expect(router.state.location.search).toBe('')
  })

  it('loads the next page and opens a run from its row', async () => {
    const { user, router } = renderApp('/runs', {
      api: {
        ...agents,
        'GET /api/v1/runs': ({ query }: { query: URLSearchParams }) =>
          query.get('cursor') === 'c2' ? page([aRun({ id: 'r3', external_reference: 'run-ref-3' })]) : page([aRun()], 'c2'),
        'GET /api/v1/runs/:id': never,
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Load more' }))
    const row = (await screen.findByRole('link', { name: 'run-ref-3' })).closest('tr')!
    await user.click(within(row).getByText('gpt-4o'))
    await waitFor(() => expect(router.state.location.pathname).toBe('/runs/r3'))
  })
})

describe('run page', () => {
  const detail = {
    data: {
      run: aRun({ status: 'failed', error: 'Tool timed out', end_time: '2026-12-01T10:00:03Z', duration_ms: 3000 }),
      events: [
        anEvent(),
        anEvent({ id: 'e2', event_id: 'ev-2', event_type: 'tool_call', timestamp: '2026-12-01T10:00:01.500Z', payload: { tool_name: 'lookup_order', error: 'timeout' }, input_tokens: 0, output_tokens: 0, cost_usd: null, model: null }),
      ],
    },
  }

  it('shows the facts, the error, the cost breakdown and the timeline of a run', async () => {
    renderApp('/runs/r1', { api: { ...agents, 'GET /api/v1/runs/:id': detail } })
    expect(await screen.findByRole('heading', { name: 'run-ref-1' })).toBeInTheDocument()
    expect(screen.getByText('A run of Support bot')).toBeInTheDocument()
    expect(screen.getAllByText(/Tool timed out/).length).toBeGreaterThan(0)
    const events = screen.getByRole('list', { name: 'Events' })
    expect(within(events).getAllByRole('listitem')).toHaveLength(2)
    expect(within(events).getByText('lookup_order failed: timeout')).toBeInTheDocument()
    expect(screen.getByTestId('replay-position')).toHaveTextContent('Event 2 of 2')
  })

  it('replays the events step by step and shows a payload on demand', async () => {
    const { user } = renderApp('/runs/r1', { api: { ...agents, 'GET /api/v1/runs/:id': detail } })
    await user.click(await screen.findByRole('button', { name: 'Step back' }))
    expect(screen.getByTestId('replay-position')).toHaveTextContent('Event 1 of 2 · cost so far $0.0123')
    expect(within(screen.getByRole('list', { name: 'Events' })).getAllByRole('listitem')).toHaveLength(1)
    expect(screen.getByText(/1 more event/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Step forward' }))
    expect(screen.getByTestId('replay-position')).toHaveTextContent('Event 2 of 2')
    await user.click(screen.getByRole('button', { name: 'Show payload of tool_call ev-2' }))
    expect(screen.getByText(/"lookup_order"/)).toBeInTheDocument()
  })

  it('says there is no such run on a 404', async () => {
    renderApp('/runs/nope', { api: { ...agents, 'GET /api/v1/runs/:id': problem(404, 'not_found', 'No such run.') } })
    expect(await screen.findByText('There is no such run')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'All runs' })).toHaveAttribute('href', '/runs')
  })

  it('offers a retry when the run could not load', async () => {
    renderApp('/runs/r1', { api: { ...agents, 'GET /api/v1/runs/:id': problem(503, 'unavailable', 'Try later.') } })
    expect(await screen.findByText('Could not load the run')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })
})

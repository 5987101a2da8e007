// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { anAgent } from '@/testing/data'
import { never, page, problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

describe('agents page', () => {
  it('shows a spinner while the agents load', async () => {
    renderApp('/agents', { api: { 'GET /api/v1/agents': never } })
    expect(await screen.findByText('Loading agents')).toBeInTheDocument()
  })

  it('lists the agents with their last 24 hours', async () => {
    renderApp('/agents', { api: { 'GET /api/v1/agents': page([anAgent(), anAgent({ id: 'a2', name: 'Billing bot', slug: 'billing', status: 'paused' })]) } })
    const table = await screen.findByRole('table', { name: 'Agents' })
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(3)
    expect(within(rows[1]).getByRole('link', { name: 'Support bot' })).toHaveAttribute('href', '/agents/a1000000-0000-4000-8000-000000000001')
    expect(within(rows[1]).getByText('25%')).toBeInTheDocument()
    expect(within(rows[1]).getByText('$1.50')).toBeInTheDocument()
    expect(within(rows[2]).getByRole('button', { name: 'Resume Billing bot' })).toBeInTheDocument()
    expect(screen.getByText('2 agents.')).toBeInTheDocument()
  })

  it('offers the first agent to a member when there is none', async () => {
    renderApp('/agents', { role: 'member', api: { 'GET /api/v1/agents': page([]) } })
    expect(await screen.findByText('No agents yet')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Create your first agent' })).toHaveAttribute('href', '/agents/new')
  })

  it('tells a viewer to ask for an agent and offers no button', async () => {
    renderApp('/agents', { role: 'viewer', api: { 'GET /api/v1/agents': page([]) } })
    expect(await screen.findByText(/Ask an admin or team lead to create one/)).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: /New agent|Create your first agent/ })).not.toBeInTheDocument()
  })

  it('shows the error envelope of a failed load, with its request id', async () => {
    renderApp('/agents', { api: { 'GET /api/v1/agents': problem(503, 'unavailable', 'The database is restarting.') } })
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('Could not load the agents')).toBeInTheDocument()
    expect(within(alert).getByText(/The database is restarting\./)).toBeInTheDocument()
    expect(within(alert).getByText('Request id req-test-1')).toBeInTheDocument()
  })

  it('filters by status through the URL and the API', async () => {
    const { api, user } = renderApp('/agents', { api: { 'GET /api/v1/agents': page([]) } })
    await screen.findByText('No agents yet')
    await user.selectOptions(screen.getByLabelText('Status'), 'paused')
    expect(await screen.findByText('No paused agents')).toBeInTheDocument()
    expect(api.requests('GET /api/v1/agents').at(-1)?.query.get('status')).toBe('paused')
  })

  it('loads the next page with the cursor of the last one', async () => {
    const { api, user } = renderApp('/agents', {
      api: {
        'GET /api/v1/agents': ({ query }: { query: URLSearchParams }) =>
          query.get('cursor') === 'c2' ? page([anAgent({ id: 'a3', name: 'Third bot' })]) : page([anAgent()], 'c2'),
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Load more' }))
    expect(await screen.findByRole('link', { name: 'Third bot' })).toBeInTheDocument()
    expect(api.requests('GET /api/v1/agents').map((r) => r.query.get('cursor'))).toEqual([null, 'c2'])
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  })
})

describe('new agent page', () => {
  it('validates before sending anything', async () => {
    const { api, user } = renderApp('/agents/new')
    await user.click(await screen.findByRole('button', { name: 'Create agent' }))
    expect(screen.getByText('Name the agent.')).toBeInTheDocument()
    const config = screen.getByLabelText('Config (JSON)')
    await user.clear(config)
    await user.type(config, '[[1]')
    await user.click(screen.getByRole('button', { name: 'Create agent' }))
    expect(screen.getByText('Use a JSON object, like {"temperature": 0.2}.')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/agents')).toHaveLength(0)
  })

  it('creates the agent with the typed fields and shows how to send the first run', async () => {
    const { api, user } = renderApp('/agents/new', {
      api: { 'POST /api/v1/agents': ({ body }: { body: { name: string } }) => ({ data: anAgent({ name: body.name, slug: 'support-bot' }) }) },
    })
    await user.type(await screen.findByLabelText('Name'), 'Support bot')
    expect(screen.getByText('Leave empty for "support-bot".')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Tags'), 'prod, eu, prod')
    await user.click(screen.getByRole('button', { name: 'Create agent' }))
    expect(await screen.findByTestId('agent-slug')).toHaveTextContent('support-bot')
    expect(api.requests('POST /api/v1/agents')[0].body).toEqual({ name: 'Support bot', environment: 'production', tags: ['prod', 'eu'] })
  })

  it('shows a taken slug at the slug field', async () => {
    const { user } = renderApp('/agents/new', {
      api: { 'POST /api/v1/agents': problem(409, 'duplicate', 'An agent with this slug exists.') },
    })
    await user.type(await screen.findByLabelText('Name'), 'Support bot')
    await user.type(screen.getByLabelText('Slug (optional)'), 'taken')
    await user.click(screen.getByRole('button', { name: 'Create agent' }))
    expect(await screen.findByText('Another agent already uses this slug. Choose another one.')).toBeInTheDocument()
  })

  it('shows the server\'s field problems at their fields', async () => {
    const { user } = renderApp('/agents/new', {
      api: {
        'POST /api/v1/agents': problem(422, 'validation_failed', 'Some fields are invalid.', { fields: [{ field: 'team', problem: 'Unknown team.' }] }),
      },
    })
    await user.type(await screen.findByLabelText('Name'), 'Support bot')
    await user.click(screen.getByRole('button', { name: 'Create agent' }))
    await waitFor(() => expect(screen.getByLabelText('Team')).toHaveAttribute('aria-invalid', 'true'))
    expect(screen.getByText('Unknown team.')).toBeInTheDocument()
  })

  it('is closed to viewers', async () => {
    renderApp('/agents/new', { role: 'viewer' })
    expect(await screen.findByText(/does not give access to creating agents/)).toBeInTheDocument()
  })
})

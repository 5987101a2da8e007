// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { never, page, problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const entry = (overrides: Record<string, unknown> = {}) => ({
  id: 'au1',
  seq: 41,
  actor_type: 'user',
  actor_id: 'u1000000-0000-4000-8000-000000000001',
  action: 'api_key.created',
  entity_type: 'api_key',
  entity_id: 'k1',
  changes: { name: 'ci', scopes: ['read'] },
  ip: '10.0.0.1',
  user_agent: 'Firefox',
  request_id: 'req-1',
  created_at: '2026-12-01T10:00:00Z',
  prev_hash: 'aa',
  hash: 'bb',
  ...overrides,
})

describe('audit log', () => {
  it('lists the entries and shows the details of one on demand', async () => {
    const { user } = renderApp('/audit', { api: { 'GET /api/v1/audit-logs': page([entry(), entry({ id: 'au2', seq: 42, action: 'member.removed', changes: null })]) } })
    const table = await screen.findByRole('table', { name: 'Audit log' })
    expect(within(table).getByText('api_key.created')).toBeInTheDocument()
    expect(screen.getByText('2 entries, the end of the log.')).toBeInTheDocument()
    await user.click(within(table).getByRole('button', { name: 'Show details of api_key.created #41' }))
    expect(within(table).getByText(/#41 · au1/)).toBeInTheDocument()
    expect(within(table).getByText('Firefox')).toBeInTheDocument()
    await user.click(within(table).getByRole('button', { name: 'Show details of member.removed #42' }))
    expect(within(table).getByText('No changes recorded.')).toBeInTheDocument()
  })

  it('applies filters through the URL and says when nothing matches', async () => {
    const { user, api, router } = renderApp('/audit', { api: { 'GET /api/v1/audit-logs': page([]) } })
    expect(await screen.findByText('No entries yet')).toBeInTheDocument()
    const form = screen.getByRole('search', { name: 'Filter the audit log' })
    await user.selectOptions(within(form).getByLabelText('Actor'), 'api_key')
    await user.type(within(form).getByLabelText('Action'), 'agent.paused')
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }))
    expect(await screen.findByText('No entries match these filters')).toBeInTheDocument()
    expect(new URLSearchParams(router.state.location.search).get('actor_type')).toBe('api_key')
    const query = api.requests('GET /api/v1/audit-logs').at(-1)!.query
    expect(query.get('actor_type')).toBe('api_key')
    expect(query.get('action')).toBe('agent.paused')
  })

  it('loads more entries with the cursor', async () => {
    const { user } = renderApp('/audit', {
      api: { 'GET /api/v1/audit-logs': ({ query }: { query: URLSearchParams }) => (query.get('cursor') === 'c2' ? page([entry({ id: 'au3', seq: 3, action: 'agent.created' })]) : page([entry()], 'c2')) },
    })
    await user.click(await screen.findByRole('button', { name: 'Load more' }))
    expect(await screen.findByText('agent.created')).toBeInTheDocument()
  })

  it('verifies the chain and reports a broken one', async () => {
    const { user } = renderApp('/audit', {
      api: {
        'GET /api/v1/audit-logs': never,
        'GET /api/v1/audit-logs/verify': { data: { valid: false, checked: 1200, first_broken_id: 'au7' } },
      },
    })
    expect(await screen.findByText('Loading the audit log')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Verify chain' }))
    expect(await screen.findByText(/Chain broken at entry/)).toHaveTextContent('Chain broken at entry au7 (1,200 checked)')
  })

  it('shows the failed load and keeps viewers out', async () => {
    renderApp('/audit', { api: { 'GET /api/v1/audit-logs': problem(500, 'internal', 'Audit is unavailable.') } })
    expect(await screen.findByText(/Audit is unavailable\./)).toBeInTheDocument()
  })

  it('is closed to roles without audit:read', async () => {
    renderApp('/audit', { role: 'team_lead' })
    expect(await screen.findByText(/does not give access to the audit log/)).toBeInTheDocument()
  })
})

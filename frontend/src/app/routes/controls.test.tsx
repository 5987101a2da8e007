// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { page, problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const engaged = {
  halt: { engaged: true, engaged_by: { type: 'user', id: 'u9', name: 'Grace Hopper' }, engaged_at: '2026-12-01T10:00:00Z', reason: 'Runaway costs' },
  paused_agents: [
    {
      agent_id: 'a1',
      name: 'Support bot',
      slug: 'support-bot',
      agent_status: 'paused',
      pause_source: 'kill_switch',
      paused_reason: 'Runaway costs',
      paused_by: { type: 'user', id: 'u9', name: 'Grace Hopper' },
      paused_at: '2026-12-01T10:00:00Z',
    },
  ],
}
const calm = { halt: { engaged: false }, paused_agents: [] }

const historyEntry = (overrides: Record<string, unknown>) => ({
  id: 'h1',
  seq: 1,
  action: 'agent.paused',
  actor_type: 'user',
  actor_id: 'u9',
  entity_id: 'a1',
  changes: { reason: 'rollout gone wrong', slug: 'support-bot' },
  created_at: '2026-12-01T09:00:00Z',
  ...overrides,
})

const auditByAction = ({ query }: { query: URLSearchParams }) =>
  page(
    query.get('action') === 'agent.paused'
      ? [historyEntry({})]
      : query.get('action') === 'org.halted'
        ? [historyEntry({ id: 'h2', seq: 2, action: 'org.halted', entity_id: null, changes: { reason: 'incident', paused_agent_count: 3 } })]
        : [],
  )

describe('controls page', () => {
  it('shows the engaged kill switch everywhere, the paused agents and the merged history', async () => {
    renderApp('/controls', { api: { 'GET /api/v1/controls/status': { data: engaged }, 'GET /api/v1/audit-logs': auditByAction } })
    const panel = await screen.findByRole('region', { name: 'Kill switch' })
    expect(within(panel).getByText('Kill switch engaged')).toBeInTheDocument()
    expect(within(panel).getByText(/All agents halted by Grace Hopper at .*: Runaway costs/)).toBeInTheDocument()
    // the banner of every page
    expect(screen.getByTestId('halt-banner')).toBeInTheDocument()
    const paused = screen.getByRole('table', { name: 'Paused agents' })
    expect(within(paused).getByRole('button', { name: 'Resume Support bot' })).toBeDisabled()
    const history = await screen.findByRole('list', { name: 'Control history' })
    expect(within(history).getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual([
      'Stopped all agents (3 paused): incident',
      'Paused Support bot: rollout gone wrong',
    ])
  })

  it('engages the kill switch only with a reason and the organization\'s name typed', async () => {
    let status: unknown = calm
    const { user, api } = renderApp('/controls', {
      api: {
        'GET /api/v1/controls/status': () => ({ data: status }),
        'GET /api/v1/audit-logs': page([]),
        'POST /api/v1/controls/kill-switch': () => {
          status = { ...engaged, paused_agents: [engaged.paused_agents[0], { ...engaged.paused_agents[0], agent_id: 'a2' }] }
          return { data: status }
        },
      },
    })
    expect(await screen.findByText('No paused agents')).toBeInTheDocument()
    expect(await screen.findByText('No control actions yet')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Stop all agents' }))
    const dialog = await screen.findByRole('dialog', { name: 'Stop all agents?' })
    await user.type(within(dialog).getByLabelText(/Type the organization's name/), 'ACME')
    await user.click(within(dialog).getByRole('button', { name: 'Stop all agents' }))
    expect(within(dialog).getByText('Say why: the reason goes into the audit log.')).toBeInTheDocument()
    expect(within(dialog).getByText('Type "Acme" exactly to confirm.')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/controls/kill-switch')).toHaveLength(0)

    await user.type(within(dialog).getByLabelText('Reason'), ' Incident 42 ')
    await user.clear(within(dialog).getByLabelText(/Type the organization's name/))
    await user.type(within(dialog).getByLabelText(/Type the organization's name/), 'Acme')
    await user.click(within(dialog).getByRole('button', { name: 'Stop all agents' }))
    expect(await screen.findByText('All agents stopped (2 paused).')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/controls/kill-switch')[0].body).toEqual({ reason: 'Incident 42', confirm: 'Acme' })
    expect(await screen.findByTestId('halt-banner')).toBeInTheDocument()
  })

  it('releases the kill switch from the banner', async () => {
    let status: unknown = engaged
    const { user, api } = renderApp('/controls', {
      api: {
        'GET /api/v1/controls/status': () => ({ data: status }),
        'GET /api/v1/audit-logs': page([]),
        'POST /api/v1/controls/kill-switch/release': () => {
          status = calm
          return { data: calm }
        },
      },
    })
    const banner = await screen.findByTestId('halt-banner')
    await user.click(within(banner).getByRole('button', { name: 'Release' }))
    const dialog = await screen.findByRole('dialog', { name: 'Release the kill switch?' })
    await user.type(within(dialog).getByLabelText('Reason'), 'Fixed')
    await user.click(within(dialog).getByRole('button', { name: 'Release all agents' }))
    expect(await screen.findByText('Kill switch released: the agents it paused are running again.')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByTestId('halt-banner')).not.toBeInTheDocument())
    expect(api.requests('POST /api/v1/controls/kill-switch/release')[0].body).toEqual({ reason: 'Fixed' })
  })

  it('keeps the kill switch from a team lead and hides the history', async () => {
    renderApp('/controls', { role: 'team_lead', api: { 'GET /api/v1/controls/status': { data: calm } } })
    expect(await screen.findByRole('button', { name: 'Stop all agents' })).toBeDisabled()
    expect(screen.getByText(/does not give access to the control history/)).toBeInTheDocument()
  })

  it('shows why the controls could not load', async () => {
    renderApp('/controls', { api: { 'GET /api/v1/controls/status': problem(500, 'internal', 'Controls are unavailable.') } })
    expect(await screen.findByText('Could not load the controls')).toBeInTheDocument()
  })
})

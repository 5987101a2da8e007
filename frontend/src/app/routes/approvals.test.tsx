// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { anAgent, aRun } from '@/testing/data'
import { never, page, problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const approval = (overrides: Record<string, unknown> = {}) => ({
  id: 'ap1',
  agent_id: anAgent().id,
  run_id: 'run-ref-1',
  policy_id: 'p1',
  policy_name: 'Large discounts',
  policy_version: 3,
  action_type: 'apply_discount',
  action: { discount_percent: 25, customer: { id: 'c1' } },
  status: 'pending',
  approvers: ['role:team_lead'],
  requested_at: '2026-12-01T10:00:00Z',
  expires_at: new Date(Date.now() + 30 * 60_000).toISOString(),
  decided_by: null,
  decided_at: null,
  comment: null,
  ...overrides,
})
const base = { 'GET /api/v1/agents': page([anAgent()]), 'GET /api/v1/runs': page([aRun()]) }

describe('approvals', () => {
  it('shows a pending request with its context, links and countdown', async () => {
    renderApp('/approvals', { api: { ...base, 'GET /api/v1/approvals/pending': page([approval()]) } })
    const card = await screen.findByRole('article', { name: 'Approval for apply_discount' })
    expect(within(card).getByText('discount_percent')).toBeInTheDocument()
    expect(within(card).getByText('25')).toBeInTheDocument()
    expect(within(card).getByText(/left$/)).toBeInTheDocument()
    expect(await within(card).findByRole('link', { name: 'Support bot' })).toHaveAttribute('href', `/agents/${anAgent().id}`)
    expect(await within(card).findByRole('link', { name: 'Run run-ref-1' })).toHaveAttribute('href', `/runs/${aRun().id}`)
    expect(within(card).getByRole('link', { name: 'Large discounts v3' })).toHaveAttribute('href', '/policies?policy=p1')
  })

  it('approves with a comment', async () => {
    const { user, api } = renderApp('/approvals', {
      api: {
        ...base,
        'GET /api/v1/approvals/pending': page([approval()]),
        'POST /api/v1/approvals/:id/approve': { data: approval({ status: 'approved' }) },
      },
    })
    const card = await screen.findByRole('article', { name: 'Approval for apply_discount' })
    await user.type(within(card).getByLabelText('Comment (optional)'), 'fine this once')
    await user.click(within(card).getByRole('button', { name: 'Approve' }))
    expect(await screen.findByText('Approved: the agent may go ahead.')).toBeInTheDocument()
    const [post] = api.requests('POST /api/v1/approvals/:id/approve')
    expect(post.params.id).toBe('ap1')
    expect(post.body).toEqual({ comment: 'fine this once' })
  })

  it('explains a request someone else decided first', async () => {
    const { user, api } = renderApp('/approvals', {
      api: {
        ...base,
        'GET /api/v1/approvals/pending': page([approval()]),
        'POST /api/v1/approvals/:id/reject': problem(409, 'already_decided', 'Already decided.'),
      },
    })
    const card = await screen.findByRole('article', { name: 'Approval for apply_discount' })
    await user.click(within(card).getByRole('button', { name: 'Reject' }))
    expect(await within(card).findByRole('alert')).toHaveTextContent('Someone else decided this request a moment ago.')
    expect(api.requests('POST /api/v1/approvals/:id/reject')[0].body).toEqual({ comment: null })
  })

  it('tells a member who may decide', async () => {
    renderApp('/approvals', { role: 'member', api: { ...base, 'GET /api/v1/approvals/pending': page([approval()]) } })
    const card = await screen.findByRole('article', { name: 'Approval for apply_discount' })
    expect(within(card).getByText('Only team leads and admins can do this.')).toBeInTheDocument()
    expect(within(card).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument()
  })

  it('has an empty queue, a loading queue and a failing queue', async () => {
    renderApp('/approvals', { api: { ...base, 'GET /api/v1/approvals/pending': page([]) } })
    expect(await screen.findByText('Nothing to approve')).toBeInTheDocument()
  })

  it('shows a spinner while the queue loads', async () => {
    renderApp('/approvals', { api: { ...base, 'GET /api/v1/approvals/pending': never } })
    expect(await screen.findByText('Loading the approval queue')).toBeInTheDocument()
  })

  it('shows a queue that could not load', async () => {
    renderApp('/approvals', { api: { ...base, 'GET /api/v1/approvals/pending': problem(500, 'internal', 'Queue is down.') } })
    expect(await screen.findByText('Could not load the queue')).toBeInTheDocument()
  })

  it('shows the history filtered by status', async () => {
    const { user, api } = renderApp('/approvals?tab=history', {
      api: {
        ...base,
        'GET /api/v1/approvals': ({ query }: { query: URLSearchParams }) =>
          query.get('status') === 'expired' ? page([]) : page([approval({ status: 'rejected', comment: 'too much', decided_at: '2026-12-01T10:05:00Z' })]),
      },
    })
    const table = await screen.findByRole('table', { name: 'Approval history' })
    expect(within(table).getByText('rejected')).toBeInTheDocument()
    expect(within(table).getByText('too much')).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: 'Expired' }))
    expect(await screen.findByText('No requests')).toBeInTheDocument()
    expect(api.requests('GET /api/v1/approvals').at(-1)!.query.get('status')).toBe('expired')
  })
})

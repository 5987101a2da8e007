// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { never, problem, reply } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const counts = (block = 0) => ({ allow: 0, block, require_approval: 0 })
const rule = { type: 'conditional', conditions: [{ field: 'action.type', operator: 'equals', value: 'refund' }], action: 'block' }
const policy = (overrides: Record<string, unknown> = {}) => ({
  id: 'p1',
  name: 'No refunds',
  description: 'Refunds need a person',
  rule_definition: rule,
  status: 'shadow',
  version: 2,
  created_by: null,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-02T00:00:00Z',
  decisions_24h: { enforced: counts(), shadow: counts(12) },
  ...overrides,
})
const templates = {
  data: [{ id: 't1', name: 'Large discounts need approval', description: 'Over 20 %', rule_definition: { type: 'expression', expression: 'action.discount_percent > 20', action: 'require_approval', approval_required_from: ['role:team_lead'] } }],
}
const versions = {
  data: [
    { policy_id: 'p1', version: 2, name: 'No refunds', rule_definition: { ...rule, action: 'require_approval' }, status: 'shadow', change: 'updated', created_at: '2026-11-02T00:00:00Z' },
    { policy_id: 'p1', version: 1, name: 'No refunds', rule_definition: rule, status: 'active', change: 'created', created_at: '2026-11-01T00:00:00Z' },
  ],
}
const base = { 'GET /api/v1/policies/templates': templates, 'GET /api/v1/policies/:id/versions': versions }

describe('policies page', () => {
  it('lists the policies with what shadow mode would have done, and the templates', async () => {
    renderApp('/policies', { api: { ...base, 'GET /api/v1/policies': { data: [policy()] } } })
    const table = await screen.findByRole('table', { name: 'Policies' })
    expect(within(table).getByRole('button', { name: 'No refunds' })).toBeInTheDocument()
    expect(within(table).getByText('Would have blocked 12 actions in the last 24 h')).toBeInTheDocument()
    expect(within(table).getByText('v2')).toBeInTheDocument()
    expect(await screen.findByRole('list', { name: 'Policy templates' })).toHaveTextContent('Large discounts need approval')
  })

  it('shows the empty state, the loading state and a failed load', async () => {
    renderApp('/policies', { api: { ...base, 'GET /api/v1/policies': { data: [] } } })
    expect(await screen.findByText('No policies yet')).toBeInTheDocument()
  })

  it('shows a spinner while loading', async () => {
    renderApp('/policies', { api: { ...base, 'GET /api/v1/policies': never } })
    expect(await screen.findByText('Loading the policies')).toBeInTheDocument()
  })

  it('shows a failed load', async () => {
    renderApp('/policies', { api: { ...base, 'GET /api/v1/policies': problem(500, 'internal', 'Policies are unavailable.') } })
    expect(await screen.findByText('Could not load the policies')).toBeInTheDocument()
  })

  it('creates a policy from the builder', async () => {
    const { user, api } = renderApp('/policies', {
      api: { ...base, 'GET /api/v1/policies': { data: [] }, 'POST /api/v1/policies': ({ body }: { body: Record<string, unknown> }) => reply(201, { data: policy({ ...body, id: 'p9', version: 1 }) }) },
    })
    await user.click(await screen.findByRole('button', { name: 'New policy' }))
    const editor = screen.getByRole('region', { name: 'Policy editor' })
    expect(within(editor).getByRole('button', { name: 'Create policy' })).toBeDisabled()
    await user.type(within(editor).getByLabelText('Name'), 'Big refunds')
    await user.type(within(editor).getByLabelText('Value of condition 1'), 'refund')
    await user.selectOptions(within(editor).getByLabelText('Then'), 'require_approval')
    expect(within(editor).getByLabelText('Approvers')).toHaveValue('role:team_lead')
    await user.click(within(editor).getByRole('button', { name: 'Create policy' }))
    expect(await screen.findByText('Policy created.')).toBeInTheDocument()
    expect(api.requests('POST /api/v1/policies')[0].body).toEqual({
      name: 'Big refunds',
      description: null,
      status: 'active',
      rule_definition: {
        type: 'conditional',
        conditions: [{ field: 'action.type', operator: 'equals', value: 'refund' }],
        action: 'require_approval',
        approval_required_from: ['role:team_lead'],
      },
    })
  })

  it('starts from a template in the CEL editor', async () => {
    const { user } = renderApp('/policies', { api: { ...base, 'GET /api/v1/policies': { data: [] } } })
    await user.click(await screen.findByRole('button', { name: 'Use this template' }))
    const editor = screen.getByRole('region', { name: 'Policy editor' })
    expect(within(editor).getByLabelText('Name')).toHaveValue('Large discounts need approval')
    expect(within(editor).getByLabelText('Expression (CEL)')).toHaveValue('action.discount_percent > 20')
  })

  it('edits a saved policy as JSON, shows the rule\'s problems, tests, back-tests and compares versions', async () => {
    const { user, api } = renderApp('/policies?policy=p1', {
      api: {
        ...base,
        'GET /api/v1/policies': { data: [policy()] },
        'PATCH /api/v1/policies/:id': problem(422, 'validation_failed', 'The rule is invalid.', { rule_errors: [{ pointer: '/action', problem: 'Unknown action.' }] }),
        'POST /api/v1/policies/:id/evaluate': { data: { policy_id: 'p1', version: null, matched: true, decision: 'block', error: null } },
        'POST /api/v1/policies/:id/backtest': {
          data: {
            from: '2026-11-25T00:00:00Z',
            to: '2026-12-02T00:00:00Z',
            version: null,
            evaluated: 40,
            matched: 3,
            errors: 0,
            truncated: false,
            limit: 10000,
            counts: { allow: 37, block: 3, require_approval: 0 },
            examples: [{ event_id: 'ev-9', run_id: 'r9', external_reference: 'run-9', action_type: 'refund', decision: 'block', timestamp: '2026-12-01T00:00:00Z', error: null }],
          },
        },
      },
    })
    const editor = await screen.findByRole('region', { name: 'Policy editor' })
    expect(within(editor).getByLabelText('Name')).toHaveValue('No refunds')
    await user.click(within(editor).getByRole('radio', { name: 'JSON' }))
    const json = within(editor).getByLabelText('rule_definition')
    await user.clear(json)
    await user.click(json)
    await user.paste('{"type": "conditional", "conditions": [], "action": "explode"}')
    await user.click(within(editor).getByRole('button', { name: 'Save a new version' }))
    expect(await within(editor).findByText(/Unknown action\./)).toHaveTextContent('/action: Unknown action.')
    expect((api.requests('PATCH /api/v1/policies/:id')[0].body as { rule_definition: unknown }).rule_definition).toEqual({
      type: 'conditional',
      conditions: [],
      action: 'explode',
    })

    const test = screen.getByRole('region', { name: 'Test' })
    await user.click(within(test).getByRole('button', { name: 'Test the saved version' }))
    expect(await within(test).findByRole('status')).toHaveTextContent('Matched: decision block (draft)')
    expect(api.requests('POST /api/v1/policies/:id/evaluate')[0].body).toMatchObject({ rule_definition: null })

    const backtest = screen.getByRole('region', { name: 'Back-test' })
    await user.click(within(backtest).getByRole('button', { name: 'Replay the draft' }))
    expect(await within(backtest).findByRole('status')).toHaveTextContent('40 actions replayed: 3 blocked, 0 held for approval, 37 allowed.')
    expect(within(backtest).getByRole('link', { name: 'run run-9' })).toHaveAttribute('href', '/runs/r9')

    const history = screen.getByRole('region', { name: 'Versions' })
    await user.click(await within(history).findByRole('button', { name: /v2/ }))
    expect(within(history).getByText('"require_approval"')).toBeInTheDocument()
    expect(within(history).getByText('"block"')).toBeInTheDocument()
  })

  it('refuses to leave the JSON editor for the builder with JSON that does not parse', async () => {
    const { user } = renderApp('/policies?policy=p1', { api: { ...base, 'GET /api/v1/policies': { data: [policy()] } } })
    const editor = await screen.findByRole('region', { name: 'Policy editor' })
    await user.click(within(editor).getByRole('radio', { name: 'JSON' }))
    await user.type(within(editor).getByLabelText('rule_definition'), 'oops')
    await user.click(within(editor).getByRole('radio', { name: 'Builder' }))
    expect(within(editor).getByRole('alert')).toHaveTextContent(/The JSON does not parse/)
  })

  it('disables a policy', async () => {
    const { user, api } = renderApp('/policies?policy=p1', {
      api: { ...base, 'GET /api/v1/policies': { data: [policy()] }, 'DELETE /api/v1/policies/:id': reply(204) },
    })
    await user.click(await screen.findByRole('button', { name: 'Disable' }))
    expect(await screen.findByText('Policy disabled.')).toBeInTheDocument()
    expect(api.requests('DELETE /api/v1/policies/:id')[0].params.id).toBe('p1')
  })
})

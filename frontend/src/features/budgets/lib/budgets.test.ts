import { describe, expect, it } from 'vitest'
import {
  alertsOfPeriod,
  budgetFormOf,
  budgetsCovering,
  budgetsNeedingAttention,
  budgetState,
  budgetUpdateBody,
  emptyBudgetForm,
  lastInstantOf,
  formatBudgetPercent,
  parseThresholds,
  progressWidth,
  resumeCandidates,
  scopeLabel,
  STATE_BAR_CLASSES,
  STATE_TONES,
  teamsOf,
  validateBudgetForm,
} from '@/features/budgets/lib/budgets'

const form = (overrides: Partial<ReturnType<typeof emptyBudgetForm>> = {}) => ({ ...emptyBudgetForm(), name: 'Monthly OpenAI', max_amount_usd: '250', ...overrides })

describe('budget state and progress', () => {
  it('takes the API state, else derives it from the percent', () => {
    expect(budgetState({ state: 'warning', percent: 10 })).toBe('warning')
    expect(budgetState({ percent: 79.99 })).toBe('ok')
    expect(budgetState({ percent: 80 })).toBe('warning')
    expect(budgetState({ state: null, percent: 100 })).toBe('exceeded')
  })

  it('colours each state', () => {
    expect(STATE_TONES).toEqual({ ok: 'success', warning: 'warning', exceeded: 'danger' })
    expect(STATE_BAR_CLASSES.exceeded).toContain('red')
    expect(STATE_BAR_CLASSES.warning).toContain('amber')
  })

  it('fills the bar up to 100 and shows a sliver for any spend', () => {
    expect(progressWidth(0)).toBe(0)
    expect(progressWidth(0.2)).toBe(1)
    expect(progressWidth(55.5)).toBe(55.5)
    expect(progressWidth(250)).toBe(100)
    expect(progressWidth(Number.NaN)).toBe(0)
  })

  it('formats percents', () => {
    expect(formatBudgetPercent(82.4)).toBe('82 %')
    expect(formatBudgetPercent(3.14)).toBe('3.1 %')
    expect(formatBudgetPercent(0)).toBe('0 %')
    expect(formatBudgetPercent(1250)).toBe('1,250 %')
    expect(formatBudgetPercent(null)).toBe('—')
  })
})

describe('scopes', () => {
  const budgets = [
    { id: 'org', scope: 'organization' },
    { id: 'team', scope: 'team', team_name: 'research' },
    { id: 'other-team', scope: 'team', team_name: 'sales' },
    { id: 'agent', scope: 'agent', agent_id: 'a1' },
    { id: 'other-agent', scope: 'agent', agent_id: 'a2' },
  ]

  it('finds the budgets covering an agent', () => {
    expect(budgetsCovering(budgets, { id: 'a1', team: 'research' }).map((b) => b.id)).toEqual(['org', 'team', 'agent'])
    expect(budgetsCovering(budgets, { id: 'a3', team: null }).map((b) => b.id)).toEqual(['org'])
  })

  it('labels a scope', () => {
    expect(scopeLabel(budgets[0])).toBe('Whole organization')
    expect(scopeLabel(budgets[1])).toBe('Team research')
    expect(scopeLabel(budgets[3], (id) => (id === 'a1' ? 'support-bot' : undefined))).toBe('Agent support-bot')
    expect(scopeLabel(budgets[4], () => undefined)).toBe('Agent a2')
  })

  it('lists the teams of the agents once each', () => {
    expect(teamsOf([{ team: 'sales' }, { team: null }, { team: 'research' }, { team: 'sales' }, { team: ' ' }])).toEqual(['research', 'sales'])
  })

  it('puts budgets at 80 % and over on the dashboard, fullest first', () => {
    const at = (id: string, percent: number) => ({ id, status: { percent } })
    expect(budgetsNeedingAttention([at('a', 50), at('b', 85), at('c', 120), at('d', 79.9)]).map((b) => b.id)).toEqual(['c', 'b'])
  })
})

describe('thresholds', () => {
  it('reads percents in any separator and sorts them', () => {
    expect(parseThresholds('100, 50 80%')).toEqual({ value: [50, 80, 100] })
  })

  it.each([
    ['', 'Give at least one threshold, e.g. 50, 80, 100.'],
    ['50, 50', '50 % is there twice.'],
    ['0', 'Each threshold is between 1 and 1000 %.'],
    ['1001', 'Each threshold is between 1 and 1000 %.'],
    ['12.5', '"12.5" is not a whole percent.'],
    ['1 2 3 4 5 6 7 8 9 10 11', 'At most 10 thresholds.'],
  ])('refuses %j', (text, message) => {
    expect(parseThresholds(text)).toEqual({ error: message })
  })
})

describe('validateBudgetForm', () => {
  it('builds the request of an organization budget', () => {
    expect(validateBudgetForm(form({ max_amount_usd: '$1,000.50', auto_pause_at_percent: '100 %', channels: ['email', 'in_app'] }))).toEqual({
      body: {
        name: 'Monthly OpenAI',
        scope: 'organization',
        max_amount_usd: 1000.5,
        period: 'monthly',
        alert_thresholds: [50, 80, 100],
        auto_pause_at_percent: 100,
        channels: ['in_app', 'email'],
      },
    })
  })

  it('sends the team or the agent of a scoped budget, and only that', () => {
    const team = validateBudgetForm(form({ scope: 'team', team_name: ' research ', agent_id: 'a1' }))
    expect('body' in team && team.body).toMatchObject({ scope: 'team', team_name: 'research' })
    expect('body' in team && 'agent_id' in team.body).toBe(false)
    const agent = validateBudgetForm(form({ scope: 'agent', agent_id: 'a1', team_name: 'x' }))
    expect('body' in agent && agent.body).toMatchObject({ scope: 'agent', agent_id: 'a1' })
  })

  it('says what is missing or wrong, per field', () => {
    const result = validateBudgetForm(form({ name: ' ', scope: 'team', max_amount_usd: '0', alert_thresholds: 'x', auto_pause_at_percent: '0' }))
    expect(result).toEqual({
      errors: {
        name: 'Give the budget a name.',
        team_name: 'Pick a team.',
        max_amount_usd: 'The limit must be more than $0.',
        alert_thresholds: '"x" is not a whole percent.',
        auto_pause_at_percent: 'A whole percent between 1 and 1000, or empty to never pause.',
      },
    })
    expect(validateBudgetForm(form({ scope: 'agent' }))).toEqual({ errors: { agent_id: 'Pick an agent.' } })
    expect(validateBudgetForm(form({ max_amount_usd: '1e5' }))).toMatchObject({ errors: { max_amount_usd: expect.stringContaining('plain amount') } })
    expect(validateBudgetForm(form({ max_amount_usd: '12345678901' }))).toMatchObject({ errors: { max_amount_usd: expect.any(String) } })
    expect(validateBudgetForm(form({ max_amount_usd: '' }))).toMatchObject({ errors: { max_amount_usd: 'Give the limit in US dollars.' } })
  })

  it('round-trips a budget through the form, and an emptied auto-pause turns it off', () => {
    const budget = {
      name: 'Tiny',
      scope: 'agent',
      agent_id: 'a1',
      team_name: null,
      max_amount_usd: 0.0000001,
      period: 'daily',
      alert_thresholds: [80, 100],
      auto_pause_at_percent: 100,
      channels: ['in_app', 'webhook'],
    }
    const values = budgetFormOf(budget)
    expect(values.max_amount_usd).toBe('0.0000001')
    const result = validateBudgetForm({ ...values, auto_pause_at_percent: '' })
    expect('body' in result && budgetUpdateBody(result.body)).toEqual({
      name: 'Tiny',
      max_amount_usd: 0.0000001,
      period: 'daily',
      alert_thresholds: [80, 100],
      auto_pause_at_percent: 0,
      channels: ['in_app', 'webhook'],
    })
  })
})

describe('resumeCandidates', () => {
  const paused = [
    { agent_id: 'a1', pause_source: 'budget', name: 'one' },
    { agent_id: 'a2', pause_source: 'person', name: 'two' },
    { agent_id: 'a4', pause_source: 'budget', name: 'four' },
  ]

  it('resumes the auto-paused agents still paused by a budget, once each', () => {
    const alerts = [
      { kind: 'threshold', paused_agent_ids: ['a4'] },
      { kind: 'auto_pause', paused_agent_ids: ['a1', 'a2', 'a3'] },
      { kind: 'auto_pause', paused_agent_ids: ['a1'] },
    ]
    // a2 was paused again by a person, a3 was resumed already, a4 was not paused by this budget
    expect(resumeCandidates(alerts, paused)).toEqual([{ agent_id: 'a1', name: 'one' }])
  })

  it('offers nothing without an auto-pause', () => {
    expect(resumeCandidates([], paused)).toEqual([])
  })

  it('shows a period by its last day, not the exclusive end', () => {
    expect(lastInstantOf('2027-01-01T00:00:00Z')).toBe('2026-12-31T23:59:59.999Z')
    expect(lastInstantOf(null)).toBeNull()
  })

  it('keeps the alerts of the current period', () => {
    const alerts = [
      { id: 'now', period_start: '2026-11-01T00:00:00Z' },
      { id: 'before', period_start: '2026-10-01T00:00:00Z' },
    ]
    expect(alertsOfPeriod(alerts, '2026-11-01T00:00:00.000Z').map((a) => a.id)).toEqual(['now'])
  })
})

import type { BadgeTone } from '@/components/ui/badge'
import { BUDGET_CHANNELS, BUDGET_PERIODS, BUDGET_SCOPES, type BudgetChannel, type BudgetPeriod, type BudgetScope, type BudgetState } from '@/lib/closed-sets'

/**
 * The budgets pages' logic without React: state colours, progress, the form (validated the way the API validates
 * it, so most mistakes show at the field before a request), the budgets that cover an agent, and the agents a
 * budget paused that may be resumed.
 */

export const PERIOD_LABELS: Record<BudgetPeriod, string> = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', total: 'All time' }
export const CHANNEL_LABELS: Record<BudgetChannel, string> = { in_app: 'In the app', email: 'E-mail', webhook: 'Webhooks' }
export const STATE_LABELS: Record<BudgetState, string> = { ok: 'On track', warning: 'Warning', exceeded: 'Exceeded' }

/** The state the API sends; from the percent (warning from 80, exceeded from 100) when it sends none. */
export function budgetState(status: { state?: string | null; percent: number }): BudgetState {
  if (status.state === 'ok' || status.state === 'warning' || status.state === 'exceeded') return status.state
  return status.percent >= 100 ? 'exceeded' : status.percent >= 80 ? 'warning' : 'ok'
}

export const STATE_TONES: Record<BudgetState, BadgeTone> = { ok: 'success', warning: 'warning', exceeded: 'danger' }

/** Tailwind classes of the progress bar's fill. */
export const STATE_BAR_CLASSES: Record<BudgetState, string> = { ok: 'bg-emerald-500', warning: 'bg-amber-500', exceeded: 'bg-red-600' }

/** Width of the progress bar's fill, 0–100 (over 100 % the bar is full; the figure says how far over). */
export function progressWidth(percent: number | null | undefined): number {
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent <= 0) return 0
  return Math.min(100, Math.max(1, percent))
}

/** "82 %" with one decimal below 10 %. */
export function formatBudgetPercent(percent: number | null | undefined): string {
  if (typeof percent !== 'number' || !Number.isFinite(percent)) return '—'
  const digits = Math.abs(percent) < 10 && percent !== 0 ? 1 : 0
  return `${Number(percent.toFixed(digits)).toLocaleString('en-US')} %`
}

/** Who a budget covers, for people: "Whole organization", "Team research", "Agent support-bot". */
export function scopeLabel(budget: { scope: string; team_name?: string | null; agent_id?: string | null }, agentName?: (id: string) => string | undefined): string {
  if (budget.scope === 'team') return `Team ${budget.team_name ?? '?'}`
  if (budget.scope === 'agent') return `Agent ${(budget.agent_id && agentName?.(budget.agent_id)) ?? budget.agent_id ?? '?'}`
  return 'Whole organization'
}

/** The budgets whose spend includes this agent's runs: the organization's, its team's (as the team is now), its own. */
export function budgetsCovering<B extends { scope: string; team_name?: string | null; agent_id?: string | null }>(
  budgets: readonly B[],
  agent: { id: string; team?: string | null },
): B[] {
  return budgets.filter(
    (budget) =>
      budget.scope === 'organization' ||
      (budget.scope === 'team' && !!agent.team && budget.team_name === agent.team) ||
      (budget.scope === 'agent' && budget.agent_id === agent.id),
  )
}

/** Budgets at 80 % or more of their limit (the dashboard's "needs attention"), fullest first. */
export function budgetsNeedingAttention<B extends { status: { percent: number; state?: string | null } }>(budgets: readonly B[]): B[] {
  return budgets.filter((budget) => budgetState(budget.status) !== 'ok').sort((a, b) => b.status.percent - a.status.percent)
}

/** The form's fields as typed (strings), before validation. */
export type BudgetFormValues = {
  name: string
  scope: BudgetScope
  team_name: string
  agent_id: string
  max_amount_usd: string
  period: BudgetPeriod
  alert_thresholds: string
  auto_pause_at_percent: string
  channels: BudgetChannel[]
}

export const DEFAULT_THRESHOLDS = [50, 80, 100]

export const emptyBudgetForm = (): BudgetFormValues => ({
  name: '',
  scope: 'organization',
  team_name: '',
  agent_id: '',
  max_amount_usd: '',
  period: 'monthly',
  alert_thresholds: DEFAULT_THRESHOLDS.join(', '),
  auto_pause_at_percent: '',
  channels: ['in_app'],
})

type BudgetLike = {
  name: string
  scope: string
  team_name?: string | null
  agent_id?: string | null
  max_amount_usd: number
  period: string
  alert_thresholds: number[]
  auto_pause_at_percent?: number | null
  channels: string[]
}

/** A budget's values in the form (editing). */
export function budgetFormOf(budget: BudgetLike): BudgetFormValues {
  return {
    name: budget.name,
    scope: (BUDGET_SCOPES as readonly string[]).includes(budget.scope) ? (budget.scope as BudgetScope) : 'organization',
    team_name: budget.team_name ?? '',
    agent_id: budget.agent_id ?? '',
    max_amount_usd: plainDecimal(budget.max_amount_usd),
    period: (BUDGET_PERIODS as readonly string[]).includes(budget.period) ? (budget.period as BudgetPeriod) : 'monthly',
    alert_thresholds: budget.alert_thresholds.join(', '),
    auto_pause_at_percent: budget.auto_pause_at_percent == null ? '' : String(budget.auto_pause_at_percent),
    channels: budget.channels.filter((channel): channel is BudgetChannel => (BUDGET_CHANNELS as readonly string[]).includes(channel)),
  }
}

/** A number as typed decimals, never an exponent (1e-7 → "0.0000001"). */
function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) return ''
  const text = String(value)
  if (!/e/i.test(text)) return text
  return value.toFixed(10).replace(/\.?0+$/, '')
}

export type BudgetFieldErrors = Partial<Record<keyof BudgetFormValues, string>>

export type BudgetCreateBody = {
  name: string
  scope: BudgetScope
  team_name?: string
  agent_id?: string
  max_amount_usd: number
  period: BudgetPeriod
  alert_thresholds: number[]
  auto_pause_at_percent: number | null
  channels: BudgetChannel[]
}

const AMOUNT = /^\d{1,10}(\.\d{1,10})?$/

/** "50, 80 100" → [50, 80, 100] sorted, or the problem. */
export function parseThresholds(text: string): { value: number[] } | { error: string } {
  const parts = text.split(/[\s,;%]+/).filter(Boolean)
  if (parts.length === 0) return { error: 'Give at least one threshold, e.g. 50, 80, 100.' }
  if (parts.length > 10) return { error: 'At most 10 thresholds.' }
  const values: number[] = []
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return { error: `"${part}" is not a whole percent.` }
    const value = Number(part)
    if (value < 1 || value > 1000) return { error: 'Each threshold is between 1 and 1000 %.' }
    if (values.includes(value)) return { error: `${value} % is there twice.` }
    values.push(value)
  }
  return { value: values.sort((a, b) => a - b) }
}

/** Validates the form; the request body when it is valid, else a message per field. */
export function validateBudgetForm(values: BudgetFormValues): { body: BudgetCreateBody } | { errors: BudgetFieldErrors } {
  const errors: BudgetFieldErrors = {}
  const name = values.name.trim()
  if (!name) errors.name = 'Give the budget a name.'
  else if (name.length > 200) errors.name = 'At most 200 characters.'

  const team = values.team_name.trim()
  if (values.scope === 'team') {
    if (!team) errors.team_name = 'Pick a team.'
    else if (team.length > 100) errors.team_name = 'At most 100 characters.'
  }
  if (values.scope === 'agent' && !values.agent_id) errors.agent_id = 'Pick an agent.'

  const amountText = values.max_amount_usd.trim().replace(/^\$/, '').replace(/,/g, '')
  const amount = Number(amountText)
  if (!amountText) errors.max_amount_usd = 'Give the limit in US dollars.'
  else if (!AMOUNT.test(amountText)) errors.max_amount_usd = 'A plain amount such as 250 or 0.50 (up to 10 decimals).'
  else if (!(amount > 0)) errors.max_amount_usd = 'The limit must be more than $0.'

  const thresholds = parseThresholds(values.alert_thresholds)
  if ('error' in thresholds) errors.alert_thresholds = thresholds.error

  const pauseText = values.auto_pause_at_percent.trim().replace(/%$/, '').trim()
  let autoPause: number | null = null
  if (pauseText) {
    if (!/^\d+$/.test(pauseText) || Number(pauseText) < 1 || Number(pauseText) > 1000) {
      errors.auto_pause_at_percent = 'A whole percent between 1 and 1000, or empty to never pause.'
    } else autoPause = Number(pauseText)
  }

  const channels = BUDGET_CHANNELS.filter((channel) => values.channels.includes(channel))

  if (Object.keys(errors).length > 0) return { errors }
  return {
    body: {
      name,
      scope: values.scope,
      ...(values.scope === 'team' ? { team_name: team } : {}),
      ...(values.scope === 'agent' ? { agent_id: values.agent_id } : {}),
      max_amount_usd: amount,
      period: values.period,
      alert_thresholds: 'value' in thresholds ? thresholds.value : DEFAULT_THRESHOLDS,
      auto_pause_at_percent: autoPause,
      channels,
    },
  }
}

/**
 * The PATCH of an edited budget: the editable fields (scope is fixed after creation); an emptied auto-pause is 0,
 * which turns it off (null would mean "unchanged").
 */
export function budgetUpdateBody(body: BudgetCreateBody) {
  return {
    name: body.name,
    max_amount_usd: body.max_amount_usd,
    period: body.period,
    alert_thresholds: body.alert_thresholds,
    auto_pause_at_percent: body.auto_pause_at_percent ?? 0,
    channels: body.channels,
  }
}

/** Team names of the agents (a team budget covers the agents whose team is that now), sorted, no repeats. */
export function teamsOf(agents: ReadonlyArray<{ team?: string | null }>): string[] {
  return [...new Set(agents.map((agent) => agent.team?.trim()).filter((team): team is string => !!team))].sort((a, b) => a.localeCompare(b))
}

/**
 * The agents "Resume the N agents this budget paused" resumes: those in the budget's auto-pause alerts that are
 * still paused, by a budget. An agent a person (or the kill switch) paused since is left alone.
 */
export function resumeCandidates(
  alerts: ReadonlyArray<{ kind?: string | null; paused_agent_ids: readonly string[] }>,
  paused: ReadonlyArray<{ agent_id: string; pause_source?: string | null; name?: string }>,
): Array<{ agent_id: string; name?: string }> {
  const pausedByBudget = new Map(paused.filter((agent) => agent.pause_source === 'budget').map((agent) => [agent.agent_id, agent]))
  const seen = new Set<string>()
  const candidates: Array<{ agent_id: string; name?: string }> = []
  for (const alert of alerts) {
    if (alert.kind !== 'auto_pause') continue
    for (const id of alert.paused_agent_ids) {
      const agent = pausedByBudget.get(id)
      if (!agent || seen.has(id)) continue
      seen.add(id)
      candidates.push({ agent_id: id, name: agent.name })
    }
  }
  return candidates
}

/** The last day of a period whose end is exclusive (a month ending "Jan 1, 00:00" ends on Dec 31). */
export function lastInstantOf(periodEnd: string | null | undefined): string | null {
  const end = Date.parse(periodEnd ?? '')
  return Number.isFinite(end) ? new Date(end - 1).toISOString() : null
}

/** The alerts of the budget's current period (the list holds older periods too). */
export function alertsOfPeriod<A extends { period_start: string }>(alerts: readonly A[], periodStart: string): A[] {
  const start = Date.parse(periodStart)
  return alerts.filter((alert) => Date.parse(alert.period_start) === start)
}

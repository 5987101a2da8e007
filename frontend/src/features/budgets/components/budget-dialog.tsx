import { type FormEvent, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { FormError, SelectField, TextField } from '@/components/ui/form'
import { useToast } from '@/components/ui/toast'
import { type AgentChoice, type Budget, useCreateBudget, useUpdateBudget } from '@/features/budgets/api/budgets'
import {
  type BudgetFieldErrors,
  budgetFormOf,
  type BudgetFormValues,
  budgetUpdateBody,
  CHANNEL_LABELS,
  emptyBudgetForm,
  PERIOD_LABELS,
  teamsOf,
  validateBudgetForm,
} from '@/features/budgets/lib/budgets'
import { BUDGET_CHANNELS, BUDGET_PERIODS, BUDGET_SCOPES, type BudgetScope } from '@/lib/closed-sets'
import { fieldErrorsOf } from '@/lib/http'

const SCOPE_LABELS: Record<BudgetScope, string> = { organization: 'Whole organization', team: 'One team', agent: 'One agent' }
const FORM_FIELDS = ['name', 'scope', 'team_name', 'agent_id', 'max_amount_usd', 'period', 'alert_thresholds', 'auto_pause_at_percent', 'channels'] as const

function BudgetForm({ budget, agents, onDone }: { budget?: Budget; agents: readonly AgentChoice[]; onDone: () => void }) {
  const toast = useToast()
  const [values, setValues] = useState<BudgetFormValues>(() => (budget ? budgetFormOf(budget) : emptyBudgetForm()))
  const [errors, setErrors] = useState<BudgetFieldErrors>({})
  const create = useCreateBudget({
    onSuccess: (created) => {
      toast.success(`Budget "${created.name}" created.`)
      onDone()
    },
  })
  const update = useUpdateBudget({
    onSuccess: (updated) => {
      toast.success(`Budget "${updated.name}" saved.`)
      onDone()
    },
  })
  const mutation = budget ? update : create
  const mapped = fieldErrorsOf(mutation.error, FORM_FIELDS)
  const error = (field: keyof BudgetFormValues) => errors[field] ?? mapped.fields[field]
  const set = <K extends keyof BudgetFormValues>(field: K, value: BudgetFormValues[K]) => setValues((v) => ({ ...v, [field]: value }))
  const teams = teamsOf(agents)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = validateBudgetForm(values)
    if ('errors' in result) {
      setErrors(result.errors)
      return
    }
    setErrors({})
    if (budget) update.mutate({ id: budget.id, body: budgetUpdateBody(result.body) })
    else create.mutate(result.body)
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <FormError error={Object.keys(mapped.fields).length > 0 ? undefined : mutation.error} extra={mapped.other} />
      <TextField label="Name" autoFocus maxLength={200} value={values.name} onChange={(e) => set('name', e.target.value)} error={error('name')} placeholder="Monthly OpenAI" />
      <SelectField
        label="Scope"
        value={values.scope}
        disabled={!!budget}
        hint={budget ? 'The scope is fixed once the budget exists.' : 'Whose runs count against the limit.'}
        onChange={(e) => set('scope', e.target.value as BudgetScope)}
        error={error('scope')}
      >
        {BUDGET_SCOPES.map((scope) => (
          <option key={scope} value={scope}>
            {SCOPE_LABELS[scope]}
          </option>
        ))}
      </SelectField>
      {values.scope === 'team' && (
        <SelectField label="Team" value={values.team_name} disabled={!!budget} onChange={(e) => set('team_name', e.target.value)} error={error('team_name')} hint="The agents whose team is this one now.">
          <option value="">Pick a team…</option>
          {budget?.team_name && !teams.includes(budget.team_name) && <option value={budget.team_name}>{budget.team_name}</option>}
          {teams.map((team) => (
            <option key={team} value={team}>
              {team}
            </option>
          ))}
        </SelectField>
      )}
      {values.scope === 'agent' && (
        <SelectField label="Agent" value={values.agent_id} disabled={!!budget} onChange={(e) => set('agent_id', e.target.value)} error={error('agent_id')}>
          <option value="">Pick an agent…</option>
          {budget?.agent_id && !agents.some((a) => a.id === budget.agent_id) && <option value={budget.agent_id}>{budget.agent_id}</option>}
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Limit (USD)"
          inputMode="decimal"
          value={values.max_amount_usd}
          onChange={(e) => set('max_amount_usd', e.target.value)}
          error={error('max_amount_usd')}
          placeholder="250"
        />
        <SelectField label="Period" value={values.period} onChange={(e) => set('period', e.target.value as BudgetFormValues['period'])} error={error('period')}>
          {BUDGET_PERIODS.map((period) => (
            <option key={period} value={period}>
              {PERIOD_LABELS[period]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Alert at (% of the limit)"
          value={values.alert_thresholds}
          onChange={(e) => set('alert_thresholds', e.target.value)}
          error={error('alert_thresholds')}
          hint="e.g. 50, 80, 100"
        />
        <TextField
          label="Pause agents at (%)"
          inputMode="numeric"
          value={values.auto_pause_at_percent}
          onChange={(e) => set('auto_pause_at_percent', e.target.value)}
          error={error('auto_pause_at_percent')}
          hint="Empty: never pause."
        />
      </div>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-zinc-800">Alert channels</legend>
        <div className="flex flex-wrap gap-4">
          {BUDGET_CHANNELS.map((channel) => (
            <label key={channel} className="inline-flex items-center gap-2 text-sm text-zinc-700">
              <input
                type="checkbox"
                checked={values.channels.includes(channel)}
                onChange={(e) => set('channels', e.target.checked ? [...values.channels, channel] : values.channels.filter((c) => c !== channel))}
                className="size-4 rounded border-zinc-300"
              />
              {CHANNEL_LABELS[channel]}
            </label>
          ))}
        </div>
        {error('channels') && <p className="text-xs font-medium text-red-600">{error('channels')}</p>}
      </fieldset>
      <DialogActions>
        <Button variant="secondary" onClick={onDone} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : budget ? 'Save budget' : 'Create budget'}
        </Button>
      </DialogActions>
    </form>
  )
}

/** Create (no `budget`) or edit a budget. */
export function BudgetDialog({ open, budget, agents, onClose }: { open: boolean; budget?: Budget; agents: readonly AgentChoice[]; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={budget ? `Edit "${budget.name}"` : 'New budget'} description="Alerts fire once per threshold and period; an auto-pause pauses the agents it covers until someone resumes them.">
      <BudgetForm budget={budget} agents={agents} onDone={onClose} />
    </Dialog>
  )
}

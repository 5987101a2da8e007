import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextField } from '@/components/ui/form'
import type { AgentOption } from '@/features/runs/api/get-agent-options'
import { EMPTY_RUN_FILTERS, hasRunFilters, type RunFilters, runFiltersProblem } from '@/features/runs/lib/filters'
import { isoToLocalInput, localInputToIso } from '@/lib/datetime-local'
import { RUN_STATUSES } from '@/lib/closed-sets'

const toForm = (filters: RunFilters): RunFilters => ({ ...filters, from: isoToLocalInput(filters.from), to: isoToLocalInput(filters.to) })
const fromForm = (values: RunFilters): RunFilters => ({
  status: values.status,
  agent_id: values.agent_id,
  model: values.model.trim(),
  tag: values.tag.trim(),
  q: values.q.trim(),
  from: localInputToIso(values.from),
  to: localInputToIso(values.to),
  min_cost: values.min_cost.trim(),
})

/** Filters of the run browser. They apply on "Apply" (or Enter) and live in the URL. */
export function RunsFilterBar({
  filters,
  agents,
  fixedAgent,
  onApply,
}: {
  filters: RunFilters
  agents: AgentOption[] | undefined
  /** The agent is fixed by the page (an agent's runs): no agent filter. */
  fixedAgent: boolean
  onApply: (filters: RunFilters) => void
}) {
  const [values, setValues] = useState<RunFilters>(() => toForm(filters))
  const [problem, setProblem] = useState<string | undefined>()
  const set = (key: keyof RunFilters) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }))
  const ignore = fixedAgent ? (['agent_id'] as const) : []

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = fromForm(values)
    const found = runFiltersProblem(next)
    setProblem(found)
    if (!found) onApply(next)
  }

  const agentKnown = !values.agent_id || agents?.some((agent) => agent.id === values.agent_id)
  return (
    <form role="search" aria-label="Filter runs" noValidate onSubmit={submit} className="space-y-3 rounded-xl border border-zinc-200 bg-zinc-50/60 p-4">
      {problem && <FormError>{<p>{problem}</p>}</FormError>}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Search" name="q" type="search" placeholder="Run id, input, output, error" value={values.q} onChange={set('q')} fieldClassName="sm:col-span-2" />
        <SelectField label="Status" name="status" value={values.status} onChange={set('status')}>
          <option value="">Any status</option>
          {RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </SelectField>
        {!fixedAgent && (
          <SelectField label="Agent" name="agent_id" value={values.agent_id} onChange={set('agent_id')}>
            <option value="">Any agent</option>
            {!agentKnown && <option value={values.agent_id}>{values.agent_id}</option>}
            {agents?.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
                {agent.status === 'archived' ? ' (archived)' : ''}
              </option>
            ))}
          </SelectField>
        )}
        <TextField label="Model" name="model" placeholder="gpt-4o" value={values.model} onChange={set('model')} />
        <TextField label="Tag" name="tag" placeholder="prod" value={values.tag} onChange={set('tag')} />
        <TextField label="Minimum cost (USD)" name="min_cost" inputMode="decimal" placeholder="0.01" value={values.min_cost} onChange={set('min_cost')} />
        <TextField label="From" name="from" type="datetime-local" value={values.from} onChange={set('from')} />
        <TextField label="To" name="to" type="datetime-local" value={values.to} onChange={set('to')} />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        {(hasRunFilters(filters, ignore) || hasRunFilters(fromForm(values), ignore)) && (
          <Button
            variant="ghost"
            onClick={() => {
              const cleared = { ...EMPTY_RUN_FILTERS, agent_id: fixedAgent ? filters.agent_id : '' }
              setValues(cleared)
              setProblem(undefined)
              onApply(cleared)
            }}
          >
            Clear
          </Button>
        )}
      </div>
    </form>
  )
}

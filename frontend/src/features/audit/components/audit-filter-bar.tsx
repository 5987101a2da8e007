import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextField } from '@/components/ui/form'
import {
  ACTOR_TYPES,
  type AuditFilters,
  EMPTY_FILTERS,
  filtersProblem,
  hasFilters,
} from '@/features/audit/lib/filters'
import { isoToLocalInput, localInputToIso } from '@/lib/datetime-local'

type FormValues = AuditFilters

const toForm = (filters: AuditFilters): FormValues => ({ ...filters, from: isoToLocalInput(filters.from), to: isoToLocalInput(filters.to) })
const fromForm = (values: FormValues): AuditFilters => ({
  actor_type: values.actor_type,
  action: values.action.trim(),
  entity_type: values.entity_type.trim(),
  from: localInputToIso(values.from),
  to: localInputToIso(values.to),
})

/** Filters of the audit log. They apply on "Apply" and live in the URL (shareable, kept on reload). */
export function AuditFilterBar({ filters, onApply }: { filters: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const [values, setValues] = useState<FormValues>(() => toForm(filters))
  const [problem, setProblem] = useState<string | undefined>()
  const set = (key: keyof FormValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = fromForm(values)
    const found = filtersProblem(next)
    setProblem(found)
    if (!found) onApply(next)
  }

  return (
    <form role="search" aria-label="Filter the audit log" noValidate onSubmit={submit} className="space-y-3 rounded-xl border border-zinc-200 bg-zinc-50/60 p-4">
      {problem && <FormError>{<p>{problem}</p>}</FormError>}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <SelectField label="Actor" name="actor_type" value={values.actor_type} onChange={set('actor_type')}>
          <option value="">Any actor</option>
          {ACTOR_TYPES.map((actor) => (
            <option key={actor.value} value={actor.value}>
              {actor.label}
            </option>
          ))}
        </SelectField>
        <TextField label="Action" name="action" placeholder="api_key.created" value={values.action} onChange={set('action')} />
        <TextField label="Entity" name="entity_type" placeholder="api_key" value={values.entity_type} onChange={set('entity_type')} />
        <TextField label="From" name="from" type="datetime-local" value={values.from} onChange={set('from')} />
        <TextField label="To" name="to" type="datetime-local" value={values.to} onChange={set('to')} />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        {(hasFilters(filters) || hasFilters(fromForm(values))) && (
          <Button
            variant="ghost"
            onClick={() => {
              setValues(EMPTY_FILTERS)
              setProblem(undefined)
              onApply(EMPTY_FILTERS)
            }}
          >
            Clear
          </Button>
        )}
      </div>
    </form>
  )
}

import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { FormError, TextAreaField, TextField } from '@/components/ui/form'
import {
  AGENT_FIELDS,
  type AgentField,
  type AgentValues,
  ENVIRONMENT_SUGGESTIONS,
  PROVIDER_SUGGESTIONS,
  slugify,
  TYPE_SUGGESTIONS,
  validateAgent,
} from '@/features/agents/lib/agent-form'
import { type FieldErrors, focusFirstInvalid, hasErrors } from '@/lib/forms'
import { fieldErrorsOf, isApiError } from '@/lib/http'

function Suggestions({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  )
}

/**
 * Fields of an agent, for creating (with the slug) and editing (the slug cannot change). Validates on submit,
 * then shows the server's problems at their fields.
 */
export function AgentForm({
  initial,
  creating,
  error,
  onSubmit,
  actions,
}: {
  initial: AgentValues
  creating: boolean
  /** The failed request's error: field problems go to their fields, the rest above the form. */
  error: unknown
  onSubmit: (values: AgentValues) => void
  actions: ReactNode
}) {
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<AgentValues>(initial)
  const [errors, setErrors] = useState<FieldErrors<AgentField>>({})
  const set = (field: AgentField) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }))

  const server = fieldErrorsOf(error, AGENT_FIELDS)
  const shown: FieldErrors<AgentField> = { ...server.fields, ...errors }
  if (isApiError(error, 'duplicate') && !shown.slug) shown.slug = 'Another agent already uses this slug. Choose another one.'
  // a problem shown at its field needs no sentence above the form as well
  const shownAtFields = Object.keys(server.fields).length > 0 || isApiError(error, 'duplicate')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateAgent(values, { creating })
    setErrors(found)
    if (hasErrors(found)) return focusFirstInvalid(formRef.current)
    onSubmit(values)
  }

  const slugHint = values.slug ? 'Agents and SDKs can send runs with it as agent_id.' : `Leave empty for "${slugify(values.name) || 'a name-based slug'}".`

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={shownAtFields && server.other.length === 0 ? undefined : error} extra={server.other} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" autoFocus={creating} autoComplete="off" value={values.name} onChange={set('name')} error={shown.name} placeholder="Support bot" />
        {creating ? (
          <TextField label="Slug (optional)" name="slug" autoComplete="off" value={values.slug} onChange={set('slug')} error={shown.slug} hint={slugHint} placeholder={slugify(values.name) || 'support-bot'} className="font-mono" />
        ) : (
          <TextField label="Slug" name="slug" value={values.slug} readOnly disabled hint="The slug cannot change: SDKs use it." className="font-mono" />
        )}
        <TextField label="Type" name="type" list="agent-types" autoComplete="off" value={values.type} onChange={set('type')} error={shown.type} placeholder="assistant" />
        <TextField label="Provider" name="provider" list="agent-providers" autoComplete="off" value={values.provider} onChange={set('provider')} error={shown.provider} placeholder="openai" />
        <TextField label="Team" name="team" autoComplete="off" value={values.team} onChange={set('team')} error={shown.team} placeholder="customer-support" hint="Optional. Budgets and costs can be grouped by team." />
        <TextField label="Environment" name="environment" list="agent-environments" autoComplete="off" value={values.environment} onChange={set('environment')} error={shown.environment} />
        <TextField label="Tags" name="tags" autoComplete="off" value={values.tags} onChange={set('tags')} error={shown.tags} placeholder="prod, eu" hint="Comma-separated." fieldClassName="sm:col-span-2" />
        <TextAreaField
          label="Config (JSON)"
          name="config"
          rows={6}
          spellCheck={false}
          value={values.config}
          onChange={set('config')}
          error={shown.config}
          hint='A JSON object, for example {"model": "gpt-4o", "temperature": 0.2}.'
          className="font-mono text-xs"
          fieldClassName="sm:col-span-2"
        />
      </div>
      <Suggestions id="agent-types" values={TYPE_SUGGESTIONS} />
      <Suggestions id="agent-providers" values={PROVIDER_SUGGESTIONS} />
      <Suggestions id="agent-environments" values={ENVIRONMENT_SUGGESTIONS} />
      {actions}
    </form>
  )
}

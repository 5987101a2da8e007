import { KeyRound } from 'lucide-react'
import { useRef, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { FormError, SelectField, TextField } from '@/components/ui/form'
import { SecretShownOnce } from '@/components/ui/secret-shown-once'
import { type CreatedApiKey, useCreateApiKey } from '@/features/settings/api/create-api-key'
import { API_KEY_SCOPES, type ApiKeyScope } from '@/lib/closed-sets'
import { EXPIRY_OPTIONS, type ExpiryOption, expiresAtFor, SCOPE_DESCRIPTIONS, scopesProblem } from '@/features/settings/lib/api-keys'
import { type FieldErrors, focusFirstInvalid, hasErrors } from '@/lib/forms'
import { fieldErrorsOf } from '@/lib/http'

type Field = 'name' | 'scopes' | 'expires_at'

function CreateForm({ onCreated, onCancel }: { onCreated: (key: CreatedApiKey) => void; onCancel: () => void }) {
  const formRef = useRef<HTMLFormElement>(null)
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['ingest'])
  const [expiry, setExpiry] = useState<ExpiryOption>('never')
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [other, setOther] = useState<string[]>([])
  const mutation = useCreateApiKey({
    onSuccess: (created) => onCreated(created),
    onError: (error) => {
      const mapped = fieldErrorsOf(error, ['name', 'scopes', 'expires_at'])
      setErrors(mapped.fields)
      setOther(mapped.other)
    },
  })

  const toggle = (scope: ApiKeyScope) =>
    setScopes((current) => (current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FieldErrors<Field> = { name: name.trim() ? undefined : 'Name the key after what uses it.', scopes: scopesProblem(scopes) }
    setErrors(found)
    setOther([])
    if (hasErrors(found)) return focusFirstInvalid(formRef.current)
    const expiresAt = expiresAtFor(expiry)
    mutation.mutate({ name: name.trim(), scopes, ...(expiresAt ? { expires_at: expiresAt } : {}) })
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={mutation.error} extra={other} />
      <TextField
        label="Name"
        name="name"
        autoFocus
        autoComplete="off"
        placeholder="support-bot production"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
      <fieldset className="space-y-2" aria-describedby={errors.scopes ? 'scopes-error' : undefined}>
        <legend className="text-sm font-medium text-zinc-800">Scopes</legend>
        {API_KEY_SCOPES.map((scope) => (
          <label key={scope} className="flex cursor-pointer items-start gap-2.5 rounded-md border border-zinc-200 px-3 py-2 hover:bg-zinc-50">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              checked={scopes.includes(scope)}
              onChange={() => toggle(scope)}
              aria-invalid={errors.scopes ? true : undefined}
              className="mt-0.5 size-4 accent-zinc-900"
            />
            <span className="min-w-0">
              <span className="block font-mono text-xs font-medium text-zinc-900">{scope}</span>
              <span className="block text-xs text-zinc-500">{SCOPE_DESCRIPTIONS[scope]}</span>
            </span>
          </label>
        ))}
        {errors.scopes && (
          <p id="scopes-error" className="text-xs font-medium text-red-600">
            {errors.scopes}
          </p>
        )}
      </fieldset>
      <SelectField label="Expires" name="expires_at" value={expiry} onChange={(e) => setExpiry(e.target.value as ExpiryOption)} error={errors.expires_at}>
        {EXPIRY_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={mutation.isPending}>
          <KeyRound aria-hidden className="size-4" />
          {mutation.isPending ? 'Generating…' : 'Generate key'}
        </Button>
      </DialogActions>
    </form>
  )
}

function ShowOnce({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  return (
    <SecretShownOnce
      warning="Copy this key now. It is shown only once: we store only a hash of it, so nobody can show it again. Keep it in a secret store, never in source code."
      secret={created.key}
      label="New API key"
      copyLabel="Copy key"
      about={
        <>
          <span className="font-medium text-zinc-700">{created.name}</span> · scopes {created.scopes.join(', ')}
        </>
      }
      doneLabel="I copied the key"
      onDone={onDone}
    />
  )
}

/**
 * Generate a key, then show it once. The key lives only in this dialog's state: closing it drops the key
 * (the content unmounts and the mutation keeps no cache entry).
 */
export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null)
  const close = () => {
    setCreated(null)
    onClose()
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      // while the key shows, only the explicit button closes: an Escape must not lose it by accident
      dismissible={!created}
      title={created ? 'Your new API key' : 'Generate an API key'}
      description={created ? undefined : 'Agents and SDKs authenticate with it. Give it only the scopes it needs.'}
    >
      {created ? <ShowOnce created={created} onDone={close} /> : <CreateForm onCreated={setCreated} onCancel={close} />}
    </Dialog>
  )
}

import { type FormEvent, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { FormError, TextField } from '@/components/ui/form'
import { SecretShownOnce } from '@/components/ui/secret-shown-once'
import { type CreatedWebhook, useCreateWebhook } from '@/features/webhooks/api/webhooks'
import {
  emptyWebhookForm,
  EVENT_TYPE_LABELS,
  isSlackUrl,
  URL_MAX,
  validateWebhookForm,
  type WebhookFieldErrors,
  type WebhookFormValues,
} from '@/features/webhooks/lib/webhooks'
import { WEBHOOK_EVENT_TYPES } from '@/lib/closed-sets'
import { fieldErrorsOf } from '@/lib/http'

function ShowSecretOnce({ created, onDone }: { created: CreatedWebhook; onDone: () => void }) {
  return (
    <SecretShownOnce
      warning={
        <>
          Copy the signing secret now: it is shown <strong>only this once</strong>. Your receiver checks the{' '}
          <code className="font-mono text-xs">AgentOps-Signature</code> header with it. Lost it? Delete the endpoint and create a new one.
        </>
      }
      secret={created.secret}
      label="Signing secret"
      copyLabel="Copy secret"
      about={`Endpoint ${created.url} (${created.kind === 'slack' ? 'Slack message' : 'JSON'})`}
      doneLabel="I have copied the secret"
      onDone={onDone}
    />
  )
}

function WebhookForm({ onCreated, onCancel }: { onCreated: (created: CreatedWebhook) => void; onCancel: () => void }) {
  const [values, setValues] = useState<WebhookFormValues>(emptyWebhookForm)
  const [errors, setErrors] = useState<WebhookFieldErrors>({})
  const create = useCreateWebhook({ onSuccess: onCreated })
  const mapped = fieldErrorsOf(create.error, ['url', 'event_types', 'description'])
  const error = (field: keyof WebhookFormValues) => errors[field] ?? mapped.fields[field]
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = validateWebhookForm(values)
    if ('errors' in result) {
      setErrors(result.errors)
      return
    }
    setErrors({})
    create.mutate(result.body)
  }
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <FormError error={Object.keys(mapped.fields).length > 0 ? undefined : create.error} extra={mapped.other} />
      <TextField
        label="Endpoint URL"
        type="url"
        autoFocus
        maxLength={URL_MAX + 10}
        placeholder="https://example.com/hooks/agentops"
        value={values.url}
        onChange={(e) => setValues((v) => ({ ...v, url: e.target.value }))}
        error={error('url')}
        hint={isSlackUrl(values.url) ? 'A Slack incoming webhook: events arrive as Slack messages.' : 'A public https address. Slack incoming webhooks get Slack messages.'}
      />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-zinc-800">Events</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-2 text-sm text-zinc-700">
            <input
              type="checkbox"
              className="size-4 rounded border-zinc-300"
              checked={values.event_types.includes(type)}
              onChange={(e) => setValues((v) => ({ ...v, event_types: e.target.checked ? [...v.event_types, type] : v.event_types.filter((t) => t !== type) }))}
            />
            {EVENT_TYPE_LABELS[type]} <code className="font-mono text-[11px] text-zinc-500">{type}</code>
          </label>
        ))}
        {error('event_types') && <p className="text-xs font-medium text-red-600">{error('event_types')}</p>}
      </fieldset>
      <TextField label="Description (optional)" value={values.description} onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))} error={error('description')} placeholder="Ops alerts channel" />
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create endpoint'}
        </Button>
      </DialogActions>
    </form>
  )
}

/** New endpoint, then its signing secret, shown once (the dialog cannot be dismissed by accident meanwhile). */
export function CreateWebhookDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedWebhook | null>(null)
  const close = () => {
    setCreated(null)
    onClose()
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      dismissible={!created}
      title={created ? 'Webhook endpoint created' : 'New webhook endpoint'}
      description={created ? undefined : 'Each event is POSTed as JSON, signed with HMAC-SHA256, and retried for 24 hours until your endpoint answers 2xx.'}
    >
      {created ? <ShowSecretOnce created={created} onDone={close} /> : <WebhookForm onCreated={setCreated} onCancel={close} />}
    </Dialog>
  )
}

import { useRef, useState, type FormEvent } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { FormError, TextField } from '@/components/ui/form'
import { useToast } from '@/components/ui/toast'
import { useUpdateOrgProfile } from '@/features/settings/api/update-org-profile'
import {
  type OrgField as Field,
  type OrgValues as Values,
  orgChanges,
  timeZoneNames,
  validateOrgProfile,
} from '@/features/settings/lib/org-profile'
import type { Organization } from '@/lib/auth'
import type { Plan } from '@/lib/closed-sets'
import { useCan } from '@/lib/authorization'
import { formatDate } from '@/lib/format'
import { type FieldErrors, focusFirstInvalid, hasErrors } from '@/lib/forms'
import { fieldErrorsOf } from '@/lib/http'

const PLAN_LABELS: Record<Plan, string> = { free: 'Free', team: 'Team', business: 'Business', enterprise: 'Enterprise' }

const TIME_ZONES = timeZoneNames()

const valuesOf = (organization: Organization): Values => ({
  name: organization.name,
  logo_url: organization.logo_url ?? '',
  timezone: organization.timezone,
})

export function OrgProfileForm({ organization }: { organization: Organization }) {
  const canEdit = useCan('org:update')
  const toast = useToast()
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<Values>(() => valuesOf(organization))
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [other, setOther] = useState<string[]>([])
  const mutation = useUpdateOrgProfile({
    onSuccess: (saved) => {
      setValues(valuesOf(saved))
      toast.success('Organization saved.')
    },
    onError: (error) => {
      const mapped = fieldErrorsOf(error, ['name', 'logo_url', 'timezone'])
      setErrors(mapped.fields)
      setOther(mapped.other)
    },
  })
  const changes = orgChanges(organization, values)
  const dirty = Object.keys(changes).length > 0
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateOrgProfile(values)
    setErrors(found)
    setOther([])
    if (hasErrors(found)) return focusFirstInvalid(formRef.current)
    if (dirty) mutation.mutate(changes)
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="max-w-xl space-y-4">
      <FormError error={mutation.error} extra={other} />
      <TextField label="Name" name="name" value={values.name} onChange={set('name')} error={errors.name} disabled={!canEdit} />
      <TextField
        label="Logo URL"
        name="logo_url"
        type="url"
        inputMode="url"
        placeholder="https://example.com/logo.svg"
        value={values.logo_url}
        onChange={set('logo_url')}
        error={errors.logo_url}
        hint="Optional. A square image works best."
        disabled={!canEdit}
      />
      <TextField
        label="Time zone"
        name="timezone"
        list="org-time-zones"
        autoComplete="off"
        spellCheck={false}
        placeholder="Europe/Paris"
        value={values.timezone}
        onChange={set('timezone')}
        error={errors.timezone}
        hint="An IANA name. Calendar days and budget periods follow it."
        disabled={!canEdit}
      />
      <datalist id="org-time-zones">
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border border-zinc-200 bg-zinc-50/60 px-4 py-3 text-sm">
        <dt className="text-zinc-500">Slug</dt>
        <dd className="font-mono text-xs leading-5 text-zinc-800">{organization.slug}</dd>
        {/* read-only: users cannot change the plan (PATCH /orgs/profile ignores it) */}
        <dt className="text-zinc-500">Plan</dt>
        <dd className="text-zinc-800">{PLAN_LABELS[organization.plan] ?? organization.plan}</dd>
        {organization.status && (
          <>
            <dt className="text-zinc-500">Status</dt>
            <dd>
              <Badge tone={organization.status === 'active' ? 'success' : 'warning'}>{organization.status}</Badge>
            </dd>
          </>
        )}
        <dt className="text-zinc-500">Created</dt>
        <dd className="text-zinc-800">{formatDate(organization.created_at)}</dd>
      </dl>
      {canEdit ? (
        <div className="flex gap-2">
          <Button type="submit" disabled={mutation.isPending || !dirty}>
            {mutation.isPending ? 'Saving…' : 'Save changes'}
          </Button>
          {dirty && !mutation.isPending && (
            <Button variant="ghost" onClick={() => (setValues(valuesOf(organization)), setErrors({}))}>
              Discard
            </Button>
          )}
        </div>
      ) : (
        <p className="text-sm text-zinc-500">Only admins can change the organization.</p>
      )}
    </form>
  )
}

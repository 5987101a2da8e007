import { useRef, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { FormError, TextField } from '@/components/ui/form'
import { useAcceptInvite } from '@/features/auth/api/accept-invite'
import type { Invitation } from '@/features/auth/api/get-invitation'
import { PASSWORD_RULE } from '@/features/auth/lib/password'
import { validateAcceptInvite, type AcceptInviteField } from '@/features/auth/lib/validate'
import type { SignInResult } from '@/lib/auth'
import { type FieldErrors, focusFirstInvalid, hasErrors } from '@/lib/forms'
import { fieldErrorsOf } from '@/lib/http'

const FIELDS: AcceptInviteField[] = ['full_name', 'password']

/** Name and password for an invited member; accepting signs them in. */
type AcceptInviteFormProps = {
  token: string
  invitation: Invitation
  /** Signs the new member in; the form stays pending until it resolves. */
  onAccepted: (result: SignInResult) => Promise<unknown>
}

export function AcceptInviteForm({ token, invitation, onAccepted }: AcceptInviteFormProps) {
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<Record<AcceptInviteField, string>>({ full_name: '', password: '' })
  const [errors, setErrors] = useState<FieldErrors<AcceptInviteField>>({})
  const [other, setOther] = useState<string[]>([])
  const mutation = useAcceptInvite({
    onSuccess: (result) => onAccepted(result),
    onError: (error) => {
      const mapped = fieldErrorsOf(error, FIELDS)
      setErrors(mapped.fields)
      setOther(mapped.other)
    },
  })
  const set = (field: AcceptInviteField) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateAcceptInvite(values)
    setErrors(found)
    setOther([])
    if (hasErrors(found)) return focusFirstInvalid(formRef.current)
    mutation.mutate({ token, full_name: values.full_name.trim(), password: values.password })
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={mutation.error} extra={other} />
      <TextField label="E-mail" name="email" type="email" autoComplete="username" value={invitation.email} readOnly disabled />
      <TextField label="Your name" name="full_name" autoComplete="name" autoFocus value={values.full_name} onChange={set('full_name')} error={errors.full_name} />
      <TextField
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        hint={PASSWORD_RULE}
      />
      <Button type="submit" className="w-full" disabled={mutation.isPending}>
        {mutation.isPending ? 'Joining…' : `Join ${invitation.organization_name}`}
      </Button>
    </form>
  )
}

import { useRef, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { FormError, TextField } from '@/components/ui/form'
import { useAcceptInvite } from '@/features/auth/api/accept-invite'
import type { Invitation } from '@/features/auth/api/get-invitation'
import { acceptInviteRequest, needsMfaCode } from '@/features/auth/lib/accept-invite'
import { PASSWORD_RULE } from '@/features/auth/lib/password'
import { mfaCodeProblem, validateAcceptInvite, type AcceptInviteField } from '@/features/auth/lib/validate'
import type { SignInResult } from '@/lib/auth'
import { type FieldErrors, focusFirstInvalid, hasErrors } from '@/lib/forms'
import { fieldErrorsOf } from '@/lib/http'

const FIELDS: AcceptInviteField[] = ['full_name', 'password']

/**
 * Name and password for an invited member; accepting signs them in. For an address that already has an account with
 * 2FA on, the API answers `401 mfa_required`: the form then asks for the authenticator code and resends with `code`.
 */
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
  // null until the API asks for the second factor
  const [code, setCode] = useState<string | null>(null)
  const [codeError, setCodeError] = useState<string | undefined>()
  const mutation = useAcceptInvite({
    onSuccess: (result) => onAccepted(result),
    onError: (error) => {
      if (needsMfaCode(error)) {
        setCode((current) => current ?? '')
        setErrors({})
        setOther([])
        return
      }
      const mapped = fieldErrorsOf(error, [...FIELDS, 'code'])
      const { code: codeProblem, ...fields } = mapped.fields
      setErrors(fields)
      setCodeError(codeProblem)
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
    const problem = code === null ? undefined : mfaCodeProblem(code)
    setCodeError(problem)
    if (hasErrors(found) || problem) return focusFirstInvalid(formRef.current)
    mutation.mutate(acceptInviteRequest(token, values, code ?? undefined))
  }
  // the request for the code is a step of the form, not an error to show
  const error = needsMfaCode(mutation.error) ? null : mutation.error

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={error} extra={other} />
      <TextField label="E-mail" name="email" type="email" autoComplete="username" value={invitation.email} readOnly disabled />
      <TextField label="Your name" name="full_name" autoComplete="name" autoFocus value={values.full_name} onChange={set('full_name')} error={errors.full_name} />
      <TextField
        label={code === null ? 'Choose a password' : 'Your password'}
        name="password"
        type="password"
        autoComplete={code === null ? 'new-password' : 'current-password'}
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        hint={code === null ? PASSWORD_RULE : undefined}
      />
      {code !== null && (
        <>
          <p role="status" className="text-sm text-zinc-600">
            {invitation.email} already has an account with two-factor authentication. Enter the 6-digit code from your
            authenticator app, or one of your recovery codes.
          </p>
          <TextField
            label="Authentication code"
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="off"
            spellCheck={false}
            autoFocus
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={codeError}
            className="font-mono tracking-wider"
          />
        </>
      )}
      <Button type="submit" className="w-full" disabled={mutation.isPending}>
        {mutation.isPending ? 'Joining…' : `Join ${invitation.organization_name}`}
      </Button>
    </form>
  )
}

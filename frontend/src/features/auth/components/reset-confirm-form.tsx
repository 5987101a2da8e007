import { CircleCheck } from 'lucide-react'
import { useRef, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { buttonClasses, Button } from '@/components/ui/button'
import { FormError, TextField } from '@/components/ui/form'
import { useConfirmPasswordReset } from '@/features/auth/api/confirm-password-reset'
import { PASSWORD_RULE } from '@/features/auth/lib/password'
import { validateNewPassword, type NewPasswordField } from '@/features/auth/lib/validate'
import { type FieldErrors, focusFirstInvalid, hasErrors } from '@/lib/forms'
import { fieldErrorsOf, isApiError } from '@/lib/http'

/** Sets a new password with the token of a reset link. */
export function ResetConfirmForm({ token }: { token: string }) {
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<Record<NewPasswordField, string>>({ new_password: '', confirm_password: '' })
  const [errors, setErrors] = useState<FieldErrors<NewPasswordField>>({})
  const mutation = useConfirmPasswordReset({
    onError: (error) => setErrors(fieldErrorsOf(error, ['new_password']).fields),
  })

  if (mutation.isSuccess) {
    return (
      <div className="space-y-4">
        <div role="status" className="flex gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-3 text-sm text-emerald-900">
          <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
          <p>Your password has been changed. Sign in with the new one.</p>
        </div>
        <Link to="/login" className={buttonClasses('primary', 'w-full')}>
          Sign in
        </Link>
      </div>
    )
  }

  if (isApiError(mutation.error, 'invalid_token')) {
    return (
      <div className="space-y-4">
        <FormError error={mutation.error}>
          <p>This reset link is invalid or has expired. Links work once and for a limited time.</p>
        </FormError>
        <Link to="/reset-password" className={buttonClasses('primary', 'w-full')}>
          Request a new link
        </Link>
      </div>
    )
  }

  const set = (field: NewPasswordField) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateNewPassword(values)
    setErrors(found)
    if (hasErrors(found)) return focusFirstInvalid(formRef.current)
    mutation.mutate({ token, new_password: values.new_password })
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={mutation.error} />
      <TextField
        label="New password"
        name="new_password"
        type="password"
        autoComplete="new-password"
        autoFocus
        value={values.new_password}
        onChange={set('new_password')}
        error={errors.new_password}
        hint={PASSWORD_RULE}
      />
      <TextField
        label="Repeat the new password"
        name="confirm_password"
        type="password"
        autoComplete="new-password"
        value={values.confirm_password}
        onChange={set('confirm_password')}
        error={errors.confirm_password}
      />
      <Button type="submit" className="w-full" disabled={mutation.isPending}>
        {mutation.isPending ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  )
}

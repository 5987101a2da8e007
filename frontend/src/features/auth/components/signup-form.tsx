import { MailCheck } from 'lucide-react'
import { useRef, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { Button, buttonClasses } from '@/components/ui/button'
import { FormError, TextField } from '@/components/ui/form'
import { useSignup } from '@/features/auth/api/signup'
import { PASSWORD_RULE } from '@/features/auth/lib/password'
import { confirmPathOf } from '@/features/auth/lib/signup-confirmation'
import { validateSignup, type SignupField } from '@/features/auth/lib/validate'
import { type FieldErrors, focusFirstInvalid, hasErrors } from '@/lib/forms'
import { fieldErrorsOf } from '@/lib/http'

const FIELDS: SignupField[] = ['full_name', 'email', 'password', 'organization_name']

/**
 * Asks for an organization with the user as its first admin. The answer is the same whether or not the address has
 * an account: the next step is the link in the e-mail (on a development server without e-mail, a link right here).
 */
export function SignupForm() {
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<Record<SignupField, string>>({ full_name: '', email: '', password: '', organization_name: '' })
  const [errors, setErrors] = useState<FieldErrors<SignupField>>({})
  const [other, setOther] = useState<string[]>([])
  const mutation = useSignup({
    onError: (error) => {
      const mapped = fieldErrorsOf(error, FIELDS)
      setErrors(mapped.fields)
      setOther(mapped.other)
      focusFirstInvalid(formRef.current)
    },
  })
  if (mutation.isSuccess) {
    const continuePath = confirmPathOf(mutation.data.confirm_url)
    return (
      <div className="space-y-4">
        <div role="status" className="flex gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-3 text-sm text-emerald-900">
          <MailCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
          <div className="space-y-1">
            <p className="font-medium">Check your e-mail</p>
            <p>
              We sent a message to <strong className="font-medium">{mutation.variables.email}</strong>. Open the link in it
              within 24 hours to create your organization. If this address already has an account, the message tells you
              how to sign in instead.
            </p>
          </div>
        </div>
        {continuePath && (
          <div className="space-y-2">
            <p className="text-sm text-zinc-600">This server sends no e-mail (development), so the link is right here.</p>
            <Link to={continuePath} className={buttonClasses('primary', 'w-full')}>
              Continue
            </Link>
          </div>
        )}
      </div>
    )
  }

  const set = (field: SignupField) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateSignup(values)
    setErrors(found)
    setOther([])
    if (hasErrors(found)) return focusFirstInvalid(formRef.current)
    mutation.mutate({
      full_name: values.full_name.trim(),
      email: values.email.trim(),
      password: values.password,
      organization_name: values.organization_name.trim(),
    })
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={mutation.error} extra={other} />
      <TextField label="Your name" name="full_name" autoComplete="name" autoFocus value={values.full_name} onChange={set('full_name')} error={errors.full_name} />
      <TextField label="Work e-mail" name="email" type="email" autoComplete="email" value={values.email} onChange={set('email')} error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        hint={PASSWORD_RULE}
      />
      <TextField
        label="Organization name"
        name="organization_name"
        autoComplete="organization"
        value={values.organization_name}
        onChange={set('organization_name')}
        error={errors.organization_name}
        hint="Your company or team. You can change it later."
      />
      <Button type="submit" className="w-full" disabled={mutation.isPending}>
        {mutation.isPending ? 'Creating organization…' : 'Create organization'}
      </Button>
    </form>
  )
}

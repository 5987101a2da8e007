import { useRef, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { FormError, TextField } from '@/components/ui/form'
import { useSignup } from '@/features/auth/api/signup'
import { PASSWORD_RULE } from '@/features/auth/lib/password'
import { validateSignup, type SignupField } from '@/features/auth/lib/validate'
import { useAuth } from '@/lib/auth'
import { type FieldErrors, focusFirstInvalid, hasErrors } from '@/lib/forms'
import { fieldErrorsOf } from '@/lib/http'

const FIELDS: SignupField[] = ['full_name', 'email', 'password', 'organization_name']

/** Creates an organization with the user as its first admin, and signs them in. */
export function SignupForm() {
  const { signIn } = useAuth()
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<Record<SignupField, string>>({ full_name: '', email: '', password: '', organization_name: '' })
  const [errors, setErrors] = useState<FieldErrors<SignupField>>({})
  const [other, setOther] = useState<string[]>([])
  const mutation = useSignup({
    onSuccess: (result) => signIn(result),
    onError: (error) => {
      const mapped = fieldErrorsOf(error, FIELDS)
      setErrors(mapped.fields)
      setOther(mapped.other)
      focusFirstInvalid(formRef.current)
    },
  })
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

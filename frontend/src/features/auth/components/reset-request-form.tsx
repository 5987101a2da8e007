import { MailCheck } from 'lucide-react'
import { useRef, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { FormError, TextField } from '@/components/ui/form'
import { useRequestPasswordReset } from '@/features/auth/api/request-password-reset'
import { emailProblem, focusFirstInvalid } from '@/lib/forms'
import { fieldErrorsOf } from '@/lib/http'

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ResetRequestForm() {
  const formRef = useRef<HTMLFormElement>(null)
  const [email, setEmail] = useState('')
  const [error, setError] = useState<string | undefined>()
  const mutation = useRequestPasswordReset({ onError: (e) => setError(fieldErrorsOf(e, ['email']).fields.email) })

  if (mutation.isSuccess) {
    return (
      <div role="status" className="flex gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-3 text-sm text-emerald-900">
        <MailCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
        <p>
          If an account exists for <strong className="font-medium">{mutation.variables}</strong>, we sent a link to reset its
          password. The link works once and expires soon.
        </p>
      </div>
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = emailProblem(email)
    setError(problem)
    if (problem) return focusFirstInvalid(formRef.current)
    mutation.mutate(email.trim())
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={mutation.error} />
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="email"
        autoFocus
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={error}
      />
      <Button type="submit" className="w-full" disabled={mutation.isPending}>
        {mutation.isPending ? 'Sending…' : 'Send reset link'}
      </Button>
    </form>
  )
}

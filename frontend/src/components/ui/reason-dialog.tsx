import { useState, type FormEvent, type ReactNode } from 'react'
import { Button, type ButtonVariant } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { FormError, TextAreaField } from '@/components/ui/form'
import { fieldErrorsOf } from '@/lib/http'
import { REASON_MAX, reasonProblem } from '@/lib/reasons'

type ReasonDialogProps = {
  open: boolean
  title: string
  description: ReactNode
  confirmLabel: string
  variant?: ButtonVariant
  pending?: boolean
  error?: unknown
  onConfirm: (reason: string) => void
  onClose: () => void
}

function ReasonForm({ confirmLabel, variant = 'primary', pending, error, onConfirm, onClose }: Omit<ReasonDialogProps, 'open' | 'title' | 'description'>) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const mapped = fieldErrorsOf(error, ['reason'])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = reasonProblem(reason)
    setProblem(found)
    if (!found) onConfirm(reason.trim())
  }
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <FormError error={mapped.fields.reason ? undefined : error} extra={mapped.other} />
      <TextAreaField
        label="Reason"
        name="reason"
        autoFocus
        rows={3}
        maxLength={REASON_MAX + 100}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={problem ?? mapped.fields.reason}
        hint="Kept in the audit log with your name."
      />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? 'Working…' : confirmLabel}
        </Button>
      </DialogActions>
    </form>
  )
}

/** Asks why before a control action (pause, resume, release): the reason is required and goes into the audit log. */
export function ReasonDialog({ open, title, description, ...form }: ReasonDialogProps) {
  return (
    <Dialog open={open} onClose={form.pending ? () => {} : form.onClose} title={title} description={description}>
      {/* mounted only while open: a new dialog starts with an empty reason */}
      {open && <ReasonForm {...form} />}
    </Dialog>
  )
}

import type { ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { FormError } from '@/components/ui/form'

type ConfirmDialogProps = {
  open: boolean
  title: string
  description: ReactNode
  confirmLabel: string
  pending?: boolean
  error?: unknown
  onConfirm: () => void
  onClose: () => void
}

/** "Are you sure?" for destructive actions; the error of the action shows inside. */
export function ConfirmDialog({ open, title, description, confirmLabel, pending, error, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={pending ? () => {} : onClose} title={title} description={description}>
      <FormError error={error} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={pending} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? 'Working…' : confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

import { TriangleAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { CopyField } from '@/components/ui/copy-button'
import { DialogActions } from '@/components/ui/dialog'

/**
 * A secret the server shows once (an API key, a webhook signing secret): the warning, a copy field, what it belongs
 * to, and the only button that closes the dialog.
 */
export function SecretShownOnce({
  warning,
  secret,
  label,
  copyLabel,
  about,
  doneLabel,
  onDone,
}: {
  warning: ReactNode
  secret: string
  label: string
  copyLabel: string
  about: ReactNode
  doneLabel: string
  onDone: () => void
}) {
  return (
    <div className="space-y-4">
      <div role="alert" className="flex gap-2.5 rounded-md border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
        <p>{warning}</p>
      </div>
      <CopyField value={secret} label={label} copyLabel={copyLabel} />
      <p className="break-all text-xs text-zinc-500">{about}</p>
      <DialogActions>
        <Button onClick={onDone}>{doneLabel}</Button>
      </DialogActions>
    </div>
  )
}

import { OctagonX } from 'lucide-react'
import { useState } from 'react'
import { ButtonWithHint } from '@/components/ui/button'
import { ReasonDialog } from '@/components/ui/reason-dialog'
import { useToast } from '@/components/ui/toast'
import { useControlStatus } from '@/features/controls/api/get-control-status'
import { useReleaseKillSwitch } from '@/features/controls/api/release-kill-switch'
import { haltSentence } from '@/features/controls/lib/controls'
import { useCan, whoCan } from '@/lib/authorization'

/** "Release" of the kill switch, with the reason asked first (admins; others see who may). */
export function ReleaseButton({ variant = 'secondary' }: { variant?: 'secondary' | 'primary' }) {
  const allowed = useCan('controls:kill_switch')
  const toast = useToast()
  const [open, setOpen] = useState(false)
  const release = useReleaseKillSwitch({
    onSuccess: () => {
      toast.success('Kill switch released: the agents it paused are running again.')
      setOpen(false)
    },
  })
  return (
    <>
      <ButtonWithHint hint={allowed ? null : whoCan('controls:kill_switch')} variant={variant} onClick={() => setOpen(true)}>
        Release
      </ButtonWithHint>
      <ReasonDialog
        open={open}
        title="Release the kill switch?"
        description="Every agent the kill switch paused takes runs again. Agents paused for another reason stay paused."
        confirmLabel="Release all agents"
        pending={release.isPending}
        error={release.error}
        onConfirm={(reason) => release.mutate(reason)}
        onClose={() => {
          setOpen(false)
          release.reset()
        }}
      />
    </>
  )
}

/** Across the top of every page while the organization is halted; live events bring it to every open tab. */
export function HaltBanner() {
  const status = useControlStatus()
  const halt = status.data?.halt
  if (!halt?.engaged) return null
  return (
    <div role="alert" data-testid="halt-banner" className="flex flex-wrap items-center justify-between gap-3 bg-red-600 px-4 py-2.5 text-sm text-white lg:px-5">
      <p className="flex min-w-0 items-center gap-2 font-medium">
        <OctagonX aria-hidden className="size-4 shrink-0" />
        <span>{haltSentence(halt)}</span>
      </p>
      <ReleaseButton />
    </div>
  )
}

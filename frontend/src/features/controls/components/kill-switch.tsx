import { OctagonX } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { Button, ButtonWithHint } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { FormError, TextAreaField, TextField } from '@/components/ui/form'
import { useToast } from '@/components/ui/toast'
import type { ControlStatus } from '@/features/controls/api/get-control-status'
import { useEngageKillSwitch } from '@/features/controls/api/engage-kill-switch'
import { ReleaseButton } from '@/features/controls/components/halt-banner'
import { confirmationMatches, haltSentence } from '@/features/controls/lib/controls'
import { useAuth } from '@/lib/auth'
import { useCan, whoCan } from '@/lib/authorization'
import { fieldErrorsOf } from '@/lib/http'
import { REASON_MAX, reasonProblem } from '@/lib/reasons'

function KillSwitchForm({ organization, onClose }: { organization: { name: string; slug: string }; onClose: () => void }) {
  const toast = useToast()
  const [reason, setReason] = useState('')
  const [confirm, setConfirm] = useState('')
  const [problems, setProblems] = useState<{ reason?: string; confirm?: string }>({})
  const engage = useEngageKillSwitch({
    onSuccess: (status) => {
      toast.success(`All agents stopped (${status.paused_agents.length} paused).`)
      onClose()
    },
  })
  const mapped = fieldErrorsOf(engage.error, ['reason', 'confirm'])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = {
      reason: reasonProblem(reason) ?? undefined,
      confirm: confirmationMatches(confirm, organization) ? undefined : `Type "${organization.name}" exactly to confirm.`,
    }
    setProblems(found)
    if (!found.reason && !found.confirm) engage.mutate({ reason, confirm })
  }
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <FormError error={mapped.fields.reason || mapped.fields.confirm ? undefined : engage.error} extra={mapped.other} />
      <TextAreaField
        label="Reason"
        name="reason"
        autoFocus
        rows={3}
        maxLength={REASON_MAX + 100}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={problems.reason ?? mapped.fields.reason}
        hint="Shown in the banner on every page and kept in the audit log."
      />
      <TextField
        label={`Type the organization's name, ${organization.name}, to confirm`}
        name="confirm"
        autoComplete="off"
        spellCheck={false}
        value={confirm}
        onChange={(event) => setConfirm(event.target.value)}
        error={problems.confirm ?? mapped.fields.confirm}
      />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={engage.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={engage.isPending}>
          {engage.isPending ? 'Stopping…' : 'Stop all agents'}
        </Button>
      </DialogActions>
    </form>
  )
}

/** The halt state and the kill switch: a big red button for admins; while engaged, who, when, why and Release. */
export function KillSwitchPanel({ status }: { status: ControlStatus }) {
  const allowed = useCan('controls:kill_switch')
  const organization = useAuth().me?.organization
  const [open, setOpen] = useState(false)
  const { halt } = status
  if (halt.engaged) {
    return (
      <section aria-label="Kill switch" className="flex flex-wrap items-center justify-between gap-4 rounded-xl border border-red-200 bg-red-50 p-5">
        <div className="min-w-0 space-y-1">
          <h2 className="flex items-center gap-2 text-base font-semibold text-red-800">
            <OctagonX aria-hidden className="size-5" /> Kill switch engaged
          </h2>
          <p className="text-sm text-red-800">{haltSentence(halt)}</p>
        </div>
        <ReleaseButton variant="primary" />
      </section>
    )
  }
  return (
    <section aria-label="Kill switch" className="flex flex-wrap items-center justify-between gap-4 rounded-xl border border-zinc-200 p-5">
      <div className="min-w-0 space-y-1">
        <h2 className="text-base font-semibold text-zinc-900">Kill switch</h2>
        <p className="text-sm text-zinc-500">
          Stops every agent of the organization at once: ingest, policy checks and the SDKs refuse their work within a second.
        </p>
      </div>
      <ButtonWithHint
        hint={allowed ? null : whoCan('controls:kill_switch')}
        variant="danger"
        className="px-5 py-3 text-base"
        onClick={() => setOpen(true)}
      >
        <OctagonX aria-hidden className="size-5" /> Stop all agents
      </ButtonWithHint>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Stop all agents?"
        description="Every agent is paused until an admin releases the kill switch. Runs in flight are refused from the next call."
      >
        {open && organization && <KillSwitchForm organization={organization} onClose={() => setOpen(false)} />}
      </Dialog>
    </section>
  )
}

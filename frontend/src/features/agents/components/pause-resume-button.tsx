import { Pause, Play } from 'lucide-react'
import { useState } from 'react'
import { ButtonWithHint } from '@/components/ui/button'
import { ReasonDialog } from '@/components/ui/reason-dialog'
import { useToast } from '@/components/ui/toast'
import { usePauseAgent } from '@/features/agents/api/pause-agent'
import { useResumeAgent } from '@/features/agents/api/resume-agent'
import { useCan, whoCan } from '@/lib/authorization'

export type PauseTarget = { id: string; name: string; paused: boolean }

/**
 * Pause or resume one agent, with the reason asked in a dialog (controls:pause: team leads and admins; others
 * see the button disabled, with who may use it). Resuming an agent that the engaged kill switch paused fails
 * with 409 `org_halted`: `blockedBy` disables the button with that sentence when the caller knows it.
 */
export function PauseResumeButton({ agent, compact = false, blockedBy }: { agent: PauseTarget; compact?: boolean; blockedBy?: string }) {
  const allowed = useCan('controls:pause')
  const toast = useToast()
  const [open, setOpen] = useState(false)
  const close = () => {
    setOpen(false)
    pause.reset()
    resume.reset()
  }
  const pause = usePauseAgent({
    onSuccess: () => {
      toast.success(`"${agent.name}" paused: new runs are refused.`)
      close()
    },
  })
  const resume = useResumeAgent({
    onSuccess: () => {
      toast.success(`"${agent.name}" resumed.`)
      close()
    },
  })
  const mutation = agent.paused ? resume : pause
  const verb = agent.paused ? 'Resume' : 'Pause'
  return (
    <>
      <ButtonWithHint
        hint={allowed ? (blockedBy ?? null) : whoCan('controls:pause')}
        variant="secondary"
        className={compact ? 'px-2 py-1 text-xs' : undefined}
        aria-label={`${verb} ${agent.name}`}
        onClick={() => setOpen(true)}
      >
        {agent.paused ? <Play aria-hidden className="size-4" /> : <Pause aria-hidden className="size-4" />}
        {verb}
      </ButtonWithHint>
      <ReasonDialog
        open={open}
        title={`${verb} "${agent.name}"?`}
        description={
          agent.paused
            ? 'The agent takes runs again, and its SDK reports it active within a second.'
            : 'Ingest and policy checks refuse the agent within a second, and its SDK reports it paused.'
        }
        confirmLabel={`${verb} agent`}
        variant={agent.paused ? 'primary' : 'danger'}
        pending={mutation.isPending}
        error={mutation.error}
        onConfirm={(reason) => mutation.mutate({ agentId: agent.id, reason })}
        onClose={close}
      />
    </>
  )
}

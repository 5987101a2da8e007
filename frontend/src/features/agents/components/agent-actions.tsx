import { Archive, Pencil } from 'lucide-react'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { useToast } from '@/components/ui/toast'
import { useArchiveAgent } from '@/features/agents/api/archive-agent'
import type { Agent } from '@/features/agents/api/get-agents'
import { EditAgentDialog } from '@/features/agents/components/edit-agent-dialog'
import { PauseResumeButton } from '@/features/agents/components/pause-resume-button'
import { useCan } from '@/lib/authorization'

/** Pause/resume (controls:pause, disabled with a hint otherwise), edit and archive (agents:write); nothing for an archived agent. */
export function AgentActions({ agent }: { agent: Agent }) {
  const canWrite = useCan('agents:write')
  const toast = useToast()
  const navigate = useNavigate()
  const [editing, setEditing] = useState(false)
  const [archiving, setArchiving] = useState(false)
  const archive = useArchiveAgent({
    onSuccess: () => {
      toast.success(`"${agent.name}" archived.`)
      navigate('/agents')
    },
  })
  if (agent.status === 'archived') return null
  const pause = <PauseResumeButton agent={{ id: agent.id, name: agent.name, paused: agent.status === 'paused' }} />
  if (!canWrite) return pause
  return (
    <>
      {pause}
      <Button variant="secondary" onClick={() => setEditing(true)}>
        <Pencil aria-hidden className="size-4" /> Edit
      </Button>
      <Button variant="ghost" onClick={() => setArchiving(true)}>
        <Archive aria-hidden className="size-4" /> Archive
      </Button>
      <EditAgentDialog agent={agent} open={editing} onClose={() => setEditing(false)} />
      <ConfirmDialog
        open={archiving}
        title="Archive this agent?"
        description={`"${agent.name}" stops taking runs and leaves the agent list. Its runs and costs stay available.`}
        confirmLabel="Archive agent"
        pending={archive.isPending}
        error={archive.error}
        onConfirm={() => archive.mutate(agent.id)}
        onClose={() => {
          setArchiving(false)
          archive.reset()
        }}
      />
    </>
  )
}

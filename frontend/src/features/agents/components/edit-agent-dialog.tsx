import { Button } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { useToast } from '@/components/ui/toast'
import type { Agent } from '@/features/agents/api/get-agents'
import { useUpdateAgent } from '@/features/agents/api/update-agent'
import { AgentForm } from '@/features/agents/components/agent-form'
import { agentChanges, valuesOf } from '@/features/agents/lib/agent-form'

export function EditAgentDialog({ agent, open, onClose }: { agent: Agent; open: boolean; onClose: () => void }) {
  const toast = useToast()
  const update = useUpdateAgent({
    onSuccess: (saved) => {
      toast.success(`"${saved.name}" saved.`)
      onClose()
    },
  })
  const close = () => {
    update.reset()
    onClose()
  }
  return (
    <Dialog open={open} onClose={update.isPending ? () => {} : close} title={`Edit ${agent.name}`} className="sm:max-w-2xl">
      <AgentForm
        key={agent.updated_at}
        initial={valuesOf(agent)}
        creating={false}
        error={update.error}
        onSubmit={(values) => {
          const changes = agentChanges(agent, values)
          if (Object.keys(changes).length === 0) return close()
          update.mutate({ id: agent.id, changes })
        }}
        actions={
          <DialogActions>
            <Button variant="secondary" onClick={close} disabled={update.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save changes'}
            </Button>
          </DialogActions>
        }
      />
    </Dialog>
  )
}

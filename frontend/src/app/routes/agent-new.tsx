import { useState } from 'react'
import { Link } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { Button, buttonClasses } from '@/components/ui/button'
import { NoAccess } from '@/components/ui/section'
import { useCreateAgent } from '@/features/agents/api/create-agent'
import type { Agent } from '@/features/agents/api/get-agents'
import { AgentForm } from '@/features/agents/components/agent-form'
import { AgentsBackLink } from '@/features/agents/components/agent-header'
import { FirstRunPanel } from '@/features/agents/components/first-run-panel'
import { EMPTY_AGENT, toCreateInput } from '@/features/agents/lib/agent-form'
import { useCan } from '@/lib/authorization'

export default function AgentNewRoute() {
  const allowed = useCan('agents:write')
  const [created, setCreated] = useState<Agent | null>(null)
  const create = useCreateAgent({ onSuccess: setCreated })
  if (created) {
    return (
      <ContentLayout title={created.name} documentTitle="Send your first run" eyebrow={<AgentsBackLink />}>
        <div className="max-w-3xl">
          <FirstRunPanel agent={created} />
        </div>
      </ContentLayout>
    )
  }
  return (
    <ContentLayout title="New agent" description="Register an agent; it can send runs right after." eyebrow={<AgentsBackLink />}>
      {allowed ? (
        <div className="max-w-3xl rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
          <AgentForm
            initial={EMPTY_AGENT}
            creating
            error={create.error}
            onSubmit={(values) => create.mutate(toCreateInput(values))}
            actions={
              <div className="flex gap-2">
                <Button type="submit" disabled={create.isPending}>
                  {create.isPending ? 'Creating…' : 'Create agent'}
                </Button>
                <Link to="/agents" className={buttonClasses('ghost')}>
                  Cancel
                </Link>
              </div>
            }
          />
        </div>
      ) : (
        <NoAccess what="creating agents" />
      )}
    </ContentLayout>
  )
}

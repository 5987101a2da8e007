import { ContentLayout } from '@/components/layouts/content-layout'
import { QueryError } from '@/components/ui/query-error'
import { NoAccess, Section } from '@/components/ui/section'
import { Spinner } from '@/components/ui/spinner'
import { PauseResumeButton } from '@/features/agents/components/pause-resume-button'
import { useControlStatus } from '@/features/controls/api/get-control-status'
import { ControlHistory } from '@/features/controls/components/control-history'
import { KillSwitchPanel } from '@/features/controls/components/kill-switch'
import { PausedAgents } from '@/features/controls/components/paused-agents'
import { useCan } from '@/lib/authorization'

export default function ControlsRoute() {
  const status = useControlStatus()
  const canReadAudit = useCan('audit:read')
  const names = new Map(status.data?.paused_agents.map((agent) => [agent.agent_id, agent.name]))
  return (
    <ContentLayout title="Controls" description="Pause agents or stop everything at once.">
      {status.isPending ? (
        <Spinner label="Loading the controls" />
      ) : status.isError ? (
        <QueryError error={status.error} onRetry={() => void status.refetch()} title="Could not load the controls" />
      ) : (
        <div className="space-y-8">
          <KillSwitchPanel status={status.data} />
          <Section title="Paused agents" description="Who paused each one, when and why.">
            <PausedAgents
              agents={status.data.paused_agents}
              action={(agent) => (
                <PauseResumeButton
                  compact
                  agent={{ id: agent.agent_id, name: agent.name, paused: true }}
                  blockedBy={
                    status.data.halt.engaged && agent.pause_source === 'kill_switch' ? 'The kill switch paused it: Release resumes every agent it paused.' : undefined
                  }
                />
              )}
            />
          </Section>
          <Section title="Recent control history" description="Pauses, resumes and the kill switch, from the audit log.">
            {canReadAudit ? <ControlHistory agentName={(id) => names.get(id)} /> : <NoAccess what="the control history (the audit log is for admins)" />}
          </Section>
        </div>
      )}
    </ContentLayout>
  )
}

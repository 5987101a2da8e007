import { useParams } from 'react-router'
import { AgentPage } from '@/features/agents/components/agent-page'
import { AgentDetails, AgentStats, RecentRuns } from '@/features/agents/components/agent-overview'

export default function AgentRoute() {
  const { agentId = '' } = useParams()
  return (
    <AgentPage agentId={agentId} section="Overview">
      {(agent) => (
        <div className="space-y-6">
          <AgentStats agent={agent} />
          <AgentDetails agent={agent} />
          <RecentRuns agentId={agent.id} />
        </div>
      )}
    </AgentPage>
  )
}

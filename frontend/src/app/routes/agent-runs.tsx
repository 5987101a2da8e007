import { useParams } from 'react-router'
import { AgentPage } from '@/features/agents/components/agent-page'
import { RunBrowser } from '@/features/runs/components/run-browser'

export default function AgentRunsRoute() {
  const { agentId = '' } = useParams()
  return (
    <AgentPage agentId={agentId} section="Runs">
      {(agent) => <RunBrowser fixedAgentId={agent.id} />}
    </AgentPage>
  )
}

import { Bot } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { Spinner } from '@/components/ui/spinner'
import { useAgent } from '@/features/agents/api/get-agent'
import type { Agent } from '@/features/agents/api/get-agents'
import { AgentActions } from '@/features/agents/components/agent-actions'
import { AgentsBackLink, AgentTabs } from '@/features/agents/components/agent-header'
import { AgentStatusBadge } from '@/features/agents/components/agent-status-badge'
import { isApiError } from '@/lib/http'

/** The frame of an agent's pages: name, status, actions and tabs; the page's content once the agent is loaded. */
export function AgentPage({ agentId, section, children }: { agentId: string; section: string; children: (agent: Agent) => ReactNode }) {
  const agent = useAgent(agentId)
  if (agent.isPending) {
    return (
      <ContentLayout title="Agent" eyebrow={<AgentsBackLink />}>
        <Spinner label="Loading the agent" />
      </ContentLayout>
    )
  }
  if (agent.isError) {
    // a malformed id is a 400 from the API: for a person it is the same as an unknown one
    const missing = isApiError(agent.error, 'not_found') || isApiError(agent.error, 'validation_failed') || (isApiError(agent.error) && agent.error.status === 400)
    return (
      <ContentLayout title={missing ? 'Agent not found' : 'Agent'} eyebrow={<AgentsBackLink />}>
        {missing ? (
          <EmptyState
            icon={<Bot aria-hidden className="size-5" />}
            title="There is no such agent"
            description={
              <>
                No agent of this organization has the id <code className="font-mono text-xs text-zinc-700">{agentId}</code>.
              </>
            }
            action={
              <Link to="/agents" className={buttonClasses('secondary')}>
                All agents
              </Link>
            }
          />
        ) : (
          <QueryError error={agent.error} onRetry={() => void agent.refetch()} title="Could not load the agent" />
        )}
      </ContentLayout>
    )
  }
  const data = agent.data
  return (
    <ContentLayout
      title={data.name}
      documentTitle={`${section} · ${data.name}`}
      eyebrow={<AgentsBackLink />}
      description={
        <span className="inline-flex flex-wrap items-center gap-2">
          <AgentStatusBadge status={data.status} pause={data} />
          <code className="font-mono text-xs text-zinc-600">{data.slug}</code>
          {data.environment && <span>· {data.environment}</span>}
        </span>
      }
      actions={<AgentActions agent={data} />}
    >
      <AgentTabs agentId={data.id} />
      {data.status === 'archived' && (
        <p className="mb-4 rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-2.5 text-sm text-zinc-600">
          This agent is archived: it takes no new runs. Its history stays here.
        </p>
      )}
      {data.status === 'paused' && (
        <p className="mb-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900">
          This agent is paused: new runs are refused until it is resumed.
        </p>
      )}
      {children(data)}
    </ContentLayout>
  )
}

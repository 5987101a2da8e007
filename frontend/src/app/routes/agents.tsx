import { Bot, Plus } from 'lucide-react'
import { Link, useSearchParams } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { Button, buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { SelectField } from '@/components/ui/form'
import { QueryError } from '@/components/ui/query-error'
import { NoAccess } from '@/components/ui/section'
import { Spinner } from '@/components/ui/spinner'
import { useAgents } from '@/features/agents/api/get-agents'
import { AgentsTable } from '@/features/agents/components/agents-table'
import { AGENT_STATUS_FILTERS, statusFilterOf } from '@/features/agents/lib/status'
import { Can, useCan } from '@/lib/authorization'

function AgentList({ status }: { status: string }) {
  const canWrite = useCan('agents:write')
  const agents = useAgents(status)
  if (agents.isPending) return <Spinner label="Loading agents" />
  if (agents.isError) return <QueryError error={agents.error} onRetry={() => void agents.refetch()} title="Could not load the agents" />
  const rows = agents.data.pages.flatMap((page) => page.data)
  if (rows.length === 0) {
    if (status) {
      const label = AGENT_STATUS_FILTERS.find((f) => f.value === status)?.label.toLowerCase() ?? status
      return <EmptyState icon={<Bot aria-hidden className="size-5" />} title={`No ${label} agents`} description="Choose another status to see the other agents." />
    }
    return (
      <EmptyState
        icon={<Bot aria-hidden className="size-5" />}
        title="No agents yet"
        description={
          canWrite
            ? 'Register your first agent: you get a slug to send runs with, and ready-to-paste code to send the first one.'
            : 'Agents registered by your team show up here. Ask an admin or team lead to create one.'
        }
        action={
          canWrite && (
            <Link to="/agents/new" className={buttonClasses('primary')}>
              <Plus aria-hidden className="size-4" /> Create your first agent
            </Link>
          )
        }
      />
    )
  }
  return (
    <div className="space-y-3">
      <AgentsTable agents={rows} />
      {agents.isFetchNextPageError && <p className="text-sm text-red-600">Could not load more agents.</p>}
      {agents.hasNextPage ? (
        <Button variant="secondary" onClick={() => void agents.fetchNextPage()} disabled={agents.isFetchingNextPage}>
          {agents.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : (
        <p className="text-xs text-zinc-400">{rows.length === 1 ? '1 agent' : `${rows.length} agents`}.</p>
      )}
    </div>
  )
}

export default function AgentsRoute() {
  const [params, setParams] = useSearchParams()
  const status = statusFilterOf(params)
  const allowed = useCan('agents:read')
  return (
    <ContentLayout
      title="Agents"
      description="Every agent registered in this organization, with its last 24 hours."
      actions={
        <Can permission="agents:write">
          <Link to="/agents/new" className={buttonClasses('primary')}>
            <Plus aria-hidden className="size-4" /> New agent
          </Link>
        </Can>
      }
    >
      {allowed ? (
        <div className="space-y-4">
          <SelectField
            label="Status"
            value={status}
            onChange={(event) => setParams(event.target.value ? { status: event.target.value } : {})}
            fieldClassName="w-56"
          >
            {AGENT_STATUS_FILTERS.map((filter) => (
              <option key={filter.value} value={filter.value}>
                {filter.label}
              </option>
            ))}
          </SelectField>
          <AgentList status={status} />
        </div>
      ) : (
        <NoAccess what="agents" />
      )}
    </ContentLayout>
  )
}

import { Activity } from 'lucide-react'
import { useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { Button, buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { Spinner } from '@/components/ui/spinner'
import { StatusDot } from '@/components/ui/status-dot'
import { useAgentOptions } from '@/features/runs/api/get-agent-options'
import { useRuns } from '@/features/runs/api/get-runs'
import { RunsFilterBar } from '@/features/runs/components/runs-filter-bar'
import { RunsTable } from '@/features/runs/components/runs-table'
import { hasRunFilters, type RunFilters, runFiltersFromSearch, runFiltersToSearch } from '@/features/runs/lib/filters'
import { useLiveState } from '@/lib/live-updates'

/** Without the live stream, the list refreshes itself this often. */
const POLL_MS = 30_000

export function LiveIndicator() {
  const live = useLiveState() === 'live'
  return live ? (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium text-emerald-700" title="New runs appear as they arrive">
      <StatusDot tone="success" pulse /> Live
    </span>
  ) : null
}

function RunList({ filters, fixedAgentId }: { filters: RunFilters; fixedAgentId?: string }) {
  const live = useLiveState() === 'live'
  const runs = useRuns(filters, { pollMs: live ? undefined : POLL_MS })
  const agents = useAgentOptions()
  const agentNames = useMemo(() => new Map((agents.data ?? []).map((agent) => [agent.id, agent.name])), [agents.data])
  const ignore = fixedAgentId ? (['agent_id'] as const) : []

  if (runs.isPending) return <Spinner label="Loading runs" />
  if (runs.isError) return <QueryError error={runs.error} onRetry={() => void runs.refetch()} title="Could not load the runs" />
  const rows = runs.data.pages.flatMap((page) => page.data)
  if (rows.length === 0) {
    const filtered = hasRunFilters(filters, ignore)
    return (
      <EmptyState
        icon={<Activity aria-hidden className="size-5" />}
        title={filtered ? 'No runs match these filters' : 'No runs yet'}
        description={
          filtered
            ? 'Widen the time range or clear a filter.'
            : 'Runs sent with the SDK or POST /api/v1/ingest/run show up here within seconds, without reloading.'
        }
        action={
          !filtered && (
            <Link to={fixedAgentId ? `/agents/${fixedAgentId}` : '/agents/new'} className={buttonClasses('secondary')}>
              {fixedAgentId ? 'Back to the agent' : 'Set up an agent'}
            </Link>
          )
        }
      />
    )
  }
  return (
    <div className="space-y-3">
      <RunsTable runs={rows} agentNames={agentNames} showAgent={!fixedAgentId} />
      {runs.isFetchNextPageError && <p className="text-sm text-red-600">Could not load more runs.</p>}
      {runs.hasNextPage ? (
        <Button variant="secondary" onClick={() => void runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
          {runs.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : (
        <p className="text-xs text-zinc-400">{rows.length === 1 ? '1 run' : `${rows.length.toLocaleString('en-US')} runs`}, no more.</p>
      )}
    </div>
  )
}

/** Filters (in the URL) and the matching runs. With `fixedAgentId`, only that agent's runs. */
export function RunBrowser({ fixedAgentId }: { fixedAgentId?: string }) {
  const [params, setParams] = useSearchParams()
  const fromUrl = runFiltersFromSearch(params)
  const filters: RunFilters = fixedAgentId ? { ...fromUrl, agent_id: fixedAgentId } : fromUrl
  const search = runFiltersToSearch(filters).toString()
  const agents = useAgentOptions()
  const apply = (next: RunFilters) => {
    const query = runFiltersToSearch(fixedAgentId ? { ...next, agent_id: '' } : next)
    setParams(query)
  }
  return (
    <div className="space-y-4">
      {/* keyed by the URL: back/forward puts the form in step with the filters */}
      <RunsFilterBar key={search} filters={filters} agents={agents.data} fixedAgent={Boolean(fixedAgentId)} onApply={apply} />
      <RunList filters={filters} fixedAgentId={fixedAgentId} />
    </div>
  )
}

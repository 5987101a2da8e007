import { ArrowLeft, SearchX } from 'lucide-react'
import { useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { Spinner } from '@/components/ui/spinner'
import { useAgentOptions } from '@/features/runs/api/get-agent-options'
import { useRun } from '@/features/runs/api/get-run'
import { CostBreakdown, RunError, RunFacts, RunInputOutput } from '@/features/runs/components/run-summary'
import { RunTimeline } from '@/features/runs/components/run-timeline'
import { prepareTimeline } from '@/features/runs/lib/timeline'
import { isApiError } from '@/lib/http'

const backLink = (
  <Link to="/runs" className="inline-flex items-center gap-1 hover:text-zinc-900">
    <ArrowLeft aria-hidden className="size-3.5" /> Runs
  </Link>
)

export default function RunRoute() {
  const { runId = '' } = useParams()
  const detail = useRun(runId)
  const agents = useAgentOptions()
  const timeline = useMemo(() => (detail.data ? prepareTimeline(detail.data.run, detail.data.events) : null), [detail.data])

  if (detail.isPending) {
    return (
      <ContentLayout title="Run" eyebrow={backLink}>
        <Spinner label="Loading the run" />
      </ContentLayout>
    )
  }
  if (detail.isError) {
    const missing = isApiError(detail.error, 'not_found') || (isApiError(detail.error) && detail.error.status === 400)
    return (
      <ContentLayout title={missing ? 'Run not found' : 'Run'} eyebrow={backLink}>
        {missing ? (
          <EmptyState
            icon={<SearchX aria-hidden className="size-5" />}
            title="There is no such run"
            description={
              <>
                No run of this organization has the id <code className="font-mono text-xs text-zinc-700">{runId}</code>.
              </>
            }
            action={
              <Link to="/runs" className={buttonClasses('secondary')}>
                All runs
              </Link>
            }
          />
        ) : (
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} title="Could not load the run" />
        )}
      </ContentLayout>
    )
  }
  const { run } = detail.data
  const agentName = agents.data?.find((agent) => agent.id === run.agent_id)?.name
  return (
    <ContentLayout title={run.external_reference} documentTitle={`Run ${run.external_reference}`} eyebrow={backLink} description={agentName ? `A run of ${agentName}` : undefined}>
      <div className="space-y-4">
        <RunFacts run={run} agentName={agentName} />
        {run.error && <RunError error={run.error} />}
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)]">
          <div className="min-w-0">
            <RunTimeline timeline={timeline!} />
          </div>
          <div className="min-w-0 space-y-4">
            <CostBreakdown run={run} />
            <RunInputOutput run={run} />
          </div>
        </div>
      </div>
    </ContentLayout>
  )
}

import { useMemo } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { QueryError } from '@/components/ui/query-error'
import { SegmentedControl } from '@/components/ui/segmented-control'
import { Spinner } from '@/components/ui/spinner'
import { useAgentTrends } from '@/features/agents/api/get-agent-trends'
import { AgentPage } from '@/features/agents/components/agent-page'
import { AgentTrendsView } from '@/features/agents/components/agent-trends'
import { prepareAgentTrends } from '@/features/agents/lib/prepare-agent-trends'
import { parseTimeRange, TIME_RANGES, type TimeRange, timeWindow } from '@/lib/time-range'

function Trends({ agentId, range }: { agentId: string; range: TimeRange }) {
  const trends = useAgentTrends(agentId, range)
  const prepared = useMemo(() => (trends.data ? prepareAgentTrends(trends.data, timeWindow(range)) : null), [trends.data, range])
  if (trends.isPending) return <Spinner label="Loading the trends" />
  if (trends.isError) return <QueryError error={trends.error} onRetry={() => void trends.refetch()} title="Could not load the trends" />
  return <AgentTrendsView kpis={trends.data.kpis ?? {}} prepared={prepared!} />
}

export default function AgentAnalyticsRoute() {
  const { agentId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const range = parseTimeRange(params.get('range'))
  return (
    <AgentPage agentId={agentId} section="Analytics">
      {(agent) => (
        <div className="space-y-4">
          <SegmentedControl
            label="Time range"
            options={TIME_RANGES.map((r) => ({ value: r.value, label: `Last ${r.label}` }))}
            value={range}
            onChange={(next) => setParams(next === '24h' ? {} : { range: next })}
          />
          <Trends agentId={agent.id} range={range} />
        </div>
      )}
    </AgentPage>
  )
}

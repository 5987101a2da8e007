import { History } from 'lucide-react'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { RelativeTime } from '@/components/ui/relative-time'
import { Spinner } from '@/components/ui/spinner'
import { useControlHistory } from '@/features/controls/api/get-control-history'
import { historyLine } from '@/features/controls/lib/controls'

/** The latest control actions from the audit log; `agentName` names the agents of pause and resume entries. */
export function ControlHistory({ agentName }: { agentName: (id: string) => string | undefined }) {
  const history = useControlHistory()
  if (history.isPending) return <Spinner label="Loading the control history" />
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} title="Could not load the control history" />
  if (history.data.length === 0) {
    return <EmptyState icon={<History aria-hidden className="size-5" />} title="No control actions yet" description="Pauses, resumes and the kill switch are recorded here." />
  }
  return (
    <ol aria-label="Control history" className="divide-y divide-zinc-100 rounded-xl border border-zinc-200">
      {history.data.map((entry) => (
        <li key={entry.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2.5 text-sm">
          <span className="text-zinc-800">{historyLine(entry, agentName)}</span>
          <RelativeTime iso={entry.created_at} className="text-xs text-zinc-500" />
        </li>
      ))}
    </ol>
  )
}

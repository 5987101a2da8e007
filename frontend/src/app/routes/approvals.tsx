import { useSearchParams } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { RelativeTime } from '@/components/ui/relative-time'
import { SegmentedControl } from '@/components/ui/segmented-control'
import { Spinner } from '@/components/ui/spinner'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import { type ApprovalStatus, useApprovalHistory, usePendingApprovals } from '@/features/approvals/api/approvals'
import { ActionContext, ApprovalCard, ApprovalLinks, STATUS_TONES } from '@/features/approvals/components/approval-card'

function Queue() {
  const queue = usePendingApprovals()
  if (queue.isPending) return <Spinner label="Loading the approval queue" />
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} title="Could not load the queue" />
  const items = queue.data.pages.flatMap((page) => page.data)
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<NavIcon name="approvals" className="size-5" />}
        title="Nothing to approve"
        description="Actions that a policy holds for approval queue here, the one expiring soonest first."
      />
    )
  }
  return (
    <div className="space-y-3">
      <ul aria-label="Pending approvals" className="space-y-3">
        {items.map((approval) => (
          <li key={approval.id}>
            <ApprovalCard approval={approval} />
          </li>
        ))}
      </ul>
      {queue.hasNextPage && (
        <Button variant="secondary" disabled={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
          {queue.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      )}
    </div>
  )
}

const STATUS_FILTERS: Array<{ value: ApprovalStatus | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'expired', label: 'Expired' },
]

function History({ status }: { status: ApprovalStatus | '' }) {
  const history = useApprovalHistory(status)
  if (history.isPending) return <Spinner label="Loading the history" />
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} title="Could not load the history" />
  const items = history.data.pages.flatMap((page) => page.data)
  if (items.length === 0) {
    return <EmptyState icon={<NavIcon name="approvals" className="size-5" />} title="No requests" description="No approval request matches this filter." />
  }
  return (
    <div className="space-y-3">
      <Table label="Approval history">
        <thead>
          <tr>
            <th className={thClasses}>Status</th>
            <th className={thClasses}>Action</th>
            <th className={thClasses}>Links</th>
            <th className={thClasses}>Requested</th>
            <th className={thClasses}>Decided</th>
            <th className={thClasses}>Comment</th>
          </tr>
        </thead>
        <tbody>
          {items.map((approval) => (
            <tr key={approval.id}>
              <td className={tdClasses}>
                <Badge tone={STATUS_TONES[approval.status]}>{approval.status}</Badge>
              </td>
              <td className={tdClasses}>
                <details>
                  <summary className="cursor-pointer font-mono text-xs">{approval.action_type}</summary>
                  <div className="mt-2">
                    <ActionContext action={approval.action} />
                  </div>
                </details>
              </td>
              <td className={tdClasses}>
                <ApprovalLinks approval={approval} />
              </td>
              <td className={tdClasses}>
                <RelativeTime iso={approval.requested_at} />
              </td>
              <td className={tdClasses}>{approval.decided_at ? <RelativeTime iso={approval.decided_at} /> : '—'}</td>
              <td className={tdClasses}>{approval.comment ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {history.hasNextPage && (
        <Button variant="secondary" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {history.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      )}
    </div>
  )
}

export default function ApprovalsRoute() {
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') === 'history' ? 'history' : 'queue'
  const statusParam = params.get('status') ?? ''
  const status = (['pending', 'approved', 'rejected', 'expired'].includes(statusParam) ? statusParam : '') as ApprovalStatus | ''
  return (
    <ContentLayout title="Approvals" description="Agent actions that a policy holds until a person approves or rejects them.">
      <div className="space-y-4">
        <SegmentedControl
          label="View"
          options={[
            { value: 'queue', label: 'Queue' },
            { value: 'history', label: 'History' },
          ]}
          value={tab}
          onChange={(value) => setParams(value === 'history' ? { tab: 'history' } : {}, { replace: true })}
        />
        {tab === 'queue' ? (
          <Queue />
        ) : (
          <>
            <SegmentedControl
              label="Status"
              options={STATUS_FILTERS}
              value={status || 'all'}
              onChange={(value) => setParams(value === 'all' ? { tab: 'history' } : { tab: 'history', status: value }, { replace: true })}
            />
            <History status={status} />
          </>
        )}
      </div>
    </ContentLayout>
  )
}

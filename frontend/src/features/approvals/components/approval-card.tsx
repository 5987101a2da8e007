import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { TextAreaField } from '@/components/ui/form'
import { RelativeTime } from '@/components/ui/relative-time'
import { useToast } from '@/components/ui/toast'
import { type Approval, type Decision, useAgentNames, useDecideApproval, useRunOfApproval } from '@/features/approvals/api/approvals'
import { approverLabel, contextEntries, countdown, decisionErrorMessage, mayDecide } from '@/features/approvals/lib/approvals'
import { useAuth } from '@/lib/auth'
import { useCan, whoCan } from '@/lib/authorization'
import { cn } from '@/lib/cn'
import { formatDateTime } from '@/lib/format'

export const STATUS_TONES: Record<Approval['status'], BadgeTone> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  expired: 'neutral',
}

/** Re-renders every second while mounted, for countdowns. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [active])
  return now
}

export function Countdown({ expiresAt }: { expiresAt: string }) {
  const left = countdown(expiresAt, useNow(true))
  return (
    <span
      className={cn('font-mono text-sm tabular-nums', left.urgent ? 'font-semibold text-red-700' : 'text-zinc-700')}
      title={`Expires ${formatDateTime(expiresAt)}`}
    >
      {left.expired ? 'Expired' : `${left.text} left`}
    </span>
  )
}

/** The action the request is bound to: key/value rows, nested values as JSON. */
export function ActionContext({ action }: { action: Record<string, unknown> }) {
  const entries = contextEntries(action)
  if (entries.length === 0) return <p className="text-sm text-zinc-500">No details were sent with this action.</p>
  return (
    <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
      {entries.map((entry) => (
        <div key={entry.key} className="contents">
          <dt className="font-mono text-xs leading-5 text-zinc-500">{entry.key}</dt>
          <dd className="min-w-0 break-words text-zinc-900">
            {entry.text !== null ? (
              entry.text
            ) : (
              <pre className="max-h-48 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs">{entry.json}</pre>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}

export function ApprovalLinks({ approval }: { approval: Approval }) {
  const run = useRunOfApproval(approval.run_id)
  const agentName = useAgentNames().data?.get(approval.agent_id)
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <Link className="text-accent-700 hover:underline" to={`/agents/${approval.agent_id}`}>
        {agentName ?? 'Agent'}
      </Link>
      {approval.run_id &&
        (run.data ? (
          <Link className="text-accent-700 hover:underline" to={`/runs/${run.data}`}>
            Run {approval.run_id}
          </Link>
        ) : (
          <span className="text-zinc-500" title="The run is not recorded yet">
            Run {approval.run_id}
          </span>
        ))}
      <Link className="text-accent-700 hover:underline" to={`/policies?policy=${approval.policy_id}`}>
        {approval.policy_name ?? 'Policy'} v{approval.policy_version}
      </Link>
    </div>
  )
}

function DecideForm({ approval }: { approval: Approval }) {
  const toast = useToast()
  const me = useAuth().me
  const permitted = useCan('approvals:decide')
  const allowed = mayDecide(me ? { role: me.role, id: me.user.id } : null, approval.approvers ?? [], permitted)
  const [comment, setComment] = useState('')
  const decide = useDecideApproval({
    onSuccess: (decided) => toast.success(decided.status === 'approved' ? 'Approved: the agent may go ahead.' : 'Rejected: the agent was told.'),
    // also as a toast: a request decided elsewhere or expired leaves the queue on the refetch, with this card
    onError: (error) => toast.error(decisionErrorMessage(error)),
  })
  const submit = (decision: Decision) => decide.mutate({ id: approval.id, decision, comment })
  if (!allowed) {
    return (
      <p className="text-sm text-zinc-500">
        {permitted ? 'You are not one of the approvers this policy names.' : whoCan('approvals:decide')}
      </p>
    )
  }
  return (
    <div className="space-y-2">
      <TextAreaField
        label="Comment (optional)"
        name={`comment-${approval.id}`}
        rows={2}
        maxLength={2000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      {decide.isError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {decisionErrorMessage(decide.error)}
        </p>
      )}
      <div className="flex gap-2">
        <Button disabled={decide.isPending} onClick={() => submit('approve')}>
          Approve
        </Button>
        <Button variant="danger" disabled={decide.isPending} onClick={() => submit('reject')}>
          Reject
        </Button>
      </div>
    </div>
  )
}

/** One request of the queue: what the agent wants to do, who asked, how long is left, and the decision. */
export function ApprovalCard({ approval }: { approval: Approval }) {
  return (
    <article aria-label={`Approval for ${approval.action_type}`} className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 items-center gap-2">
          <Badge tone={STATUS_TONES[approval.status]}>{approval.status}</Badge>
          <h3 className="truncate font-mono text-sm font-semibold text-zinc-900">{approval.action_type}</h3>
        </div>
        {approval.status === 'pending' && <Countdown expiresAt={approval.expires_at} />}
      </header>
      <ActionContext action={approval.action} />
      <ApprovalLinks approval={approval} />
      <p className="text-xs text-zinc-500">
        Requested <RelativeTime iso={approval.requested_at} /> · approvers: {(approval.approvers ?? []).map(approverLabel).join(', ') || 'Team leads and above'}
      </p>
      {approval.status === 'pending' && <DecideForm approval={approval} />}
    </article>
  )
}

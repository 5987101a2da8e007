import { Badge } from '@/components/ui/badge'
import { RelativeTime } from '@/components/ui/relative-time'
import { Spinner } from '@/components/ui/spinner'
import { errorText } from '@/components/ui/form'
import type { BudgetAlert } from '@/features/budgets/api/budgets'
import { formatBudgetPercent } from '@/features/budgets/lib/budgets'
import { formatUsd } from '@/lib/format'

/** The alerts of the current period: which threshold fired when, at what spend, and what an auto-pause paused. */
export function BudgetAlerts({ alerts, pending, error }: { alerts: readonly BudgetAlert[] | undefined; pending: boolean; error: unknown }) {
  if (pending) return <Spinner label="Loading the alerts" />
  if (error) return <p className="text-sm text-red-700">{errorText(error)}</p>
  if (!alerts || alerts.length === 0) return <p className="text-sm text-zinc-500">No alert in this period yet.</p>
  return (
    <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200" aria-label="Alerts of this period">
      {alerts.map((alert) => (
        <li key={alert.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
          <span className="flex items-center gap-2">
            {alert.kind === 'auto_pause' ? <Badge tone="danger">Auto-pause</Badge> : <Badge tone="warning">{alert.threshold} %</Badge>}
            <span className="text-zinc-700">
              {formatUsd(alert.spent_usd)} of {formatUsd(alert.max_amount_usd)} ({formatBudgetPercent(alert.percent)})
              {alert.kind === 'auto_pause' && ` · ${alert.paused_agent_ids.length} agent${alert.paused_agent_ids.length === 1 ? '' : 's'} paused`}
            </span>
          </span>
          <span className="text-xs text-zinc-500">
            <RelativeTime iso={alert.created_at} />
            {alert.notified_at ? ' · sent' : ' · sending'}
          </span>
        </li>
      ))}
    </ul>
  )
}

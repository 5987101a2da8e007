import { Pencil, Play, Trash2 } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { ButtonWithHint } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { ReasonDialog } from '@/components/ui/reason-dialog'
import { useToast } from '@/components/ui/toast'
import { errorText } from '@/components/ui/form'
import { type AgentChoice, type Budget, useBudgetAlerts, useDeleteBudget, useResumeBudgetAgents } from '@/features/budgets/api/budgets'
import { BudgetAlerts } from '@/features/budgets/components/budget-alerts'
import { BudgetDialog } from '@/features/budgets/components/budget-dialog'
import { BudgetProgress } from '@/features/budgets/components/budget-progress'
import { alertsOfPeriod, CHANNEL_LABELS, lastInstantOf, PERIOD_LABELS, resumeCandidates, scopeLabel } from '@/features/budgets/lib/budgets'
import { useCan, whoCan } from '@/lib/authorization'
import { cn } from '@/lib/cn'
import { formatDate, formatUsd } from '@/lib/format'

export type PausedAgentRef = { agent_id: string; name: string; pause_source?: string | null }

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-sm text-zinc-800">{children}</dd>
    </div>
  )
}

function ResumeAgents({ budget, candidates }: { budget: Budget; candidates: Array<{ agent_id: string; name?: string }> }) {
  const allowed = useCan('controls:pause')
  const toast = useToast()
  const [open, setOpen] = useState(false)
  const resume = useResumeBudgetAgents({
    onSuccess: ({ resumed, failed }) => {
      if (failed.length === 0) toast.success(`${resumed} agent${resumed === 1 ? '' : 's'} resumed.`)
      else toast.error(`${resumed} resumed, ${failed.length} not: ${errorText(failed[0].error)}`)
      setOpen(false)
    },
  })
  if (candidates.length === 0) return null
  const n = candidates.length
  const over = budget.status.percent >= (budget.auto_pause_at_percent ?? Infinity)
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
      <p>
        This budget paused {n === 1 ? `"${candidates[0].name ?? candidates[0].agent_id}"` : `${n} agents`}; {n === 1 ? 'it is' : 'they are'} still paused.
        {over && ' The spend is still over the auto-pause level, and this period will not pause them again: raise the limit first if the cap should still hold.'}
      </p>
      <ButtonWithHint hint={allowed ? null : whoCan('controls:pause')} variant="secondary" onClick={() => setOpen(true)}>
        <Play aria-hidden className="size-4" /> Resume the {n} agent{n === 1 ? '' : 's'} this budget paused
      </ButtonWithHint>
      <ReasonDialog
        open={open}
        title={`Resume ${n} agent${n === 1 ? '' : 's'}?`}
        description={`${candidates.map((c) => c.name ?? c.agent_id).join(', ')} take runs again. The same period does not pause them a second time.`}
        confirmLabel="Resume agents"
        pending={resume.isPending}
        error={resume.error}
        onConfirm={(reason) => resume.mutate({ agentIds: candidates.map((c) => c.agent_id), reason })}
        onClose={() => {
          setOpen(false)
          resume.reset()
        }}
      />
    </div>
  )
}

function BudgetCard({
  budget,
  agents,
  paused,
  highlighted,
  agentName,
}: {
  budget: Budget
  agents: readonly AgentChoice[]
  paused: readonly PausedAgentRef[]
  highlighted: boolean
  agentName: (id: string) => string | undefined
}) {
  const canManage = useCan('budgets:manage')
  const hint = canManage ? null : whoCan('budgets:manage')
  const toast = useToast()
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [showAlerts, setShowAlerts] = useState(highlighted)
  const alerts = useBudgetAlerts(budget.id)
  const ref = useRef<HTMLElement>(null)
  const remove = useDeleteBudget({
    onSuccess: () => {
      toast.success(`Budget "${budget.name}" deleted.`)
      setDeleting(false)
    },
  })
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' })
  }, [highlighted])
  const current = alertsOfPeriod(alerts.data ?? [], budget.status.period_start)
  const candidates = resumeCandidates(alerts.data ?? [], paused)
  const { status } = budget
  return (
    <article
      ref={ref}
      aria-label={`Budget ${budget.name}`}
      className={cn('space-y-4 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm', highlighted && 'ring-2 ring-accent-500')}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold text-zinc-900">{budget.name}</h2>
          <p className="text-xs text-zinc-500">
            {scopeLabel(budget, agentName)} · {PERIOD_LABELS[budget.period] ?? budget.period}
          </p>
        </div>
        <div className="flex gap-2">
          <ButtonWithHint hint={hint} variant="secondary" className="px-2 py-1 text-xs" aria-label={`Edit ${budget.name}`} onClick={() => setEditing(true)}>
            <Pencil aria-hidden className="size-3.5" /> Edit
          </ButtonWithHint>
          <ButtonWithHint hint={hint} variant="secondary" className="px-2 py-1 text-xs" aria-label={`Delete ${budget.name}`} onClick={() => setDeleting(true)}>
            <Trash2 aria-hidden className="size-3.5" /> Delete
          </ButtonWithHint>
        </div>
      </div>
      <BudgetProgress budget={budget} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Fact label="Period">
          {formatDate(status.period_start)}
          {status.period_end ? ` – ${formatDate(lastInstantOf(status.period_end))}` : ' onwards'}
        </Fact>
        <Fact label="Forecast">
          {status.forecast_usd == null ? '—' : <span className={status.forecast_usd > budget.max_amount_usd ? 'font-medium text-red-700' : undefined}>{formatUsd(status.forecast_usd)}</span>}
        </Fact>
        <Fact label="Alerts at">{budget.alert_thresholds.map((t) => `${t} %`).join(', ')}</Fact>
        <Fact label="Auto-pause">{budget.auto_pause_at_percent == null ? 'Never' : `At ${budget.auto_pause_at_percent} %`}</Fact>
      </dl>
      {status.unpriced_runs > 0 && (
        <p className="text-xs font-medium text-amber-700">
          {status.unpriced_runs} run{status.unpriced_runs === 1 ? '' : 's'} in this period had no price: the spend is too low.
        </p>
      )}
      <ResumeAgents budget={budget} candidates={candidates} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-zinc-500">Channels: {budget.channels.map((c) => CHANNEL_LABELS[c] ?? c).join(', ') || 'none'}</p>
        <button type="button" aria-expanded={showAlerts} onClick={() => setShowAlerts((v) => !v)} className="text-xs font-medium text-accent-700 hover:underline">
          {showAlerts ? 'Hide alerts' : `Alerts this period (${alerts.data ? current.length : '…'})`}
        </button>
      </div>
      {showAlerts && <BudgetAlerts alerts={current} pending={alerts.isPending} error={alerts.error} />}
      <BudgetDialog open={editing} budget={budget} agents={agents} onClose={() => setEditing(false)} />
      <ConfirmDialog
        open={deleting}
        title={`Delete "${budget.name}"?`}
        description="Its alerts go with it. Agents it paused stay paused until someone resumes them."
        confirmLabel="Delete budget"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(budget.id)}
        onClose={() => {
          setDeleting(false)
          remove.reset()
        }}
      />
    </article>
  )
}

/** Every budget as a card; `highlight` (from a notification's link) is outlined and scrolled to. */
export function BudgetsList({
  budgets,
  agents,
  paused,
  highlight,
}: {
  budgets: readonly Budget[]
  agents: readonly AgentChoice[]
  paused: readonly PausedAgentRef[]
  highlight?: string | null
}) {
  const names = new Map(agents.map((agent) => [agent.id, agent.name]))
  return (
    <div className="space-y-4">
      {budgets.map((budget) => (
        <BudgetCard key={budget.id} budget={budget} agents={agents} paused={paused} highlighted={budget.id === highlight} agentName={(id) => names.get(id)} />
      ))}
    </div>
  )
}

import { Badge } from '@/components/ui/badge'
import type { Budget } from '@/features/budgets/api/budgets'
import { budgetState, formatBudgetPercent, progressWidth, STATE_BAR_CLASSES, STATE_LABELS, STATE_TONES } from '@/features/budgets/lib/budgets'
import { cn } from '@/lib/cn'
import { formatUsd } from '@/lib/format'

/** Spent of the limit as a bar coloured by state (ok, warning from 80 %, exceeded from 100 %), with the figures. */
export function BudgetProgress({ budget, className }: { budget: Budget; className?: string }) {
  const state = budgetState(budget.status)
  const percent = budget.status.percent
  return (
    <div className={cn('space-y-1.5', className)}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="tabular-nums text-zinc-900">
          <strong className="font-semibold">{formatUsd(budget.status.spent_usd)}</strong>
          <span className="text-zinc-500"> of {formatUsd(budget.max_amount_usd)}</span>
        </span>
        <span className="flex items-center gap-2">
          <span className="tabular-nums text-zinc-600">{formatBudgetPercent(percent)}</span>
          <Badge tone={STATE_TONES[state]}>{STATE_LABELS[state]}</Badge>
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={`${budget.name}: ${formatBudgetPercent(percent)} of the limit`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progressWidth(percent))}
        aria-valuetext={`${formatBudgetPercent(percent)}, ${STATE_LABELS[state]}`}
        data-state={state}
        className="h-2 overflow-hidden rounded-full bg-zinc-100"
      >
        <div className={cn('h-full rounded-full transition-[width]', STATE_BAR_CLASSES[state])} style={{ width: `${progressWidth(percent)}%` }} />
      </div>
    </div>
  )
}

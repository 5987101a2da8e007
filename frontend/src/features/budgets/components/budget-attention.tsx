import { CircleCheck, PauseCircle, Wallet } from 'lucide-react'
import { Link } from 'react-router'
import type { Budget } from '@/features/budgets/api/budgets'
import type { PausedAgentRef } from '@/features/budgets/components/budgets-list'
import { budgetsNeedingAttention, budgetState, formatBudgetPercent } from '@/features/budgets/lib/budgets'
import { formatUsd } from '@/lib/format'

/** Dashboard card: budgets at 80 % or more, and agents a budget paused, each linking to where to act. */
export function BudgetAttention({ budgets, paused }: { budgets: readonly Budget[]; paused: readonly PausedAgentRef[] }) {
  const full = budgetsNeedingAttention(budgets)
  const pausedByBudget = paused.filter((agent) => agent.pause_source === 'budget')
  return (
    <section aria-labelledby="budget-attention" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <h2 id="budget-attention" className="mb-3 text-sm font-semibold text-zinc-900">
        Budgets
      </h2>
      {full.length === 0 && pausedByBudget.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-zinc-500">
          <CircleCheck aria-hidden className="size-4 text-emerald-600" /> No budget at 80 % or more.
        </p>
      ) : (
        <ul className="space-y-1.5">
          {full.map((budget) => (
            <li key={budget.id}>
              <Link to={`/budgets?budget=${budget.id}`} className="flex items-start gap-2 rounded-md px-1 py-1 text-sm hover:bg-zinc-50">
                <Wallet aria-hidden className={budgetState(budget.status) === 'exceeded' ? 'mt-0.5 size-4 shrink-0 text-red-600' : 'mt-0.5 size-4 shrink-0 text-amber-500'} />
                <span className="min-w-0">
                  <span className="block truncate font-medium text-zinc-900">{budget.name}</span>
                  <span className="block text-xs text-zinc-500">
                    {formatBudgetPercent(budget.status.percent)} · {formatUsd(budget.status.spent_usd)} of {formatUsd(budget.max_amount_usd)}
                  </span>
                </span>
              </Link>
            </li>
          ))}
          {pausedByBudget.map((agent) => (
            <li key={agent.agent_id}>
              <Link to={`/agents/${agent.agent_id}`} className="flex items-start gap-2 rounded-md px-1 py-1 text-sm hover:bg-zinc-50">
                <PauseCircle aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
                <span className="min-w-0">
                  <span className="block truncate font-medium text-zinc-900">{agent.name}</span>
                  <span className="block text-xs text-zinc-500">Paused by a budget</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

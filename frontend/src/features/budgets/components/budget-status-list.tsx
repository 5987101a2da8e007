import { Link } from 'react-router'
import type { Budget } from '@/features/budgets/api/budgets'
import { BudgetProgress } from '@/features/budgets/components/budget-progress'
import { PERIOD_LABELS, scopeLabel } from '@/features/budgets/lib/budgets'

/** Budgets at a glance (costs pages): name, scope, period and progress, each linking to the budget. */
export function BudgetStatusList({ budgets, agentName, empty }: { budgets: readonly Budget[]; agentName?: (id: string) => string | undefined; empty: string }) {
  if (budgets.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-zinc-300 bg-zinc-50/50 px-4 py-6 text-center text-sm text-zinc-500">
        {empty}{' '}
        <Link to="/budgets" className="font-medium text-zinc-900 underline">
          Budgets
        </Link>
      </p>
    )
  }
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {budgets.map((budget) => (
        <li key={budget.id} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
          <div className="mb-2 flex items-baseline justify-between gap-2">
            <Link to={`/budgets?budget=${budget.id}`} className="truncate text-sm font-semibold text-zinc-900 hover:underline">
              {budget.name}
            </Link>
            <span className="shrink-0 text-xs text-zinc-500">
              {scopeLabel(budget, agentName)} · {PERIOD_LABELS[budget.period] ?? budget.period}
            </span>
          </div>
          <BudgetProgress budget={budget} />
        </li>
      ))}
    </ul>
  )
}

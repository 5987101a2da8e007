import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

export type Trend = 'up' | 'down' | 'flat'

/**
 * A figure with its label and an optional change line. `good` says whether the change is good news
 * (more runs: yes; more errors: no), which picks the colour.
 */
export function StatCard({
  label,
  value,
  change,
  trend = 'flat',
  good,
  hint,
  className,
}: {
  label: string
  value: ReactNode
  change?: ReactNode
  trend?: Trend
  good?: boolean
  hint?: ReactNode
  className?: string
}) {
  const tone = trend === 'flat' || good === undefined ? 'text-zinc-500' : good ? 'text-emerald-700' : 'text-red-700'
  return (
    <section aria-label={label} className={cn('rounded-xl border border-zinc-200 bg-white p-4 shadow-sm', className)}>
      <h2 className="text-xs font-medium text-zinc-500">{label}</h2>
      <p data-testid="stat-value" className="mt-1 text-2xl font-semibold tabular-nums tracking-tight text-zinc-900">
        {value}
      </p>
      {change && <p className={cn('mt-1 text-xs font-medium', tone)}>{change}</p>}
      {hint && <p className="mt-1 text-xs text-zinc-500">{hint}</p>}
    </section>
  )
}

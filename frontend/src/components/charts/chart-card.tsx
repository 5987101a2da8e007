import { useId, type ReactNode } from 'react'
import { cn } from '@/lib/cn'

/** Frame of a chart: title, optional controls on the right, the chart (or what to do when it has no data). */
export function ChartCard({
  title,
  description,
  actions,
  children,
  className,
}: {
  title: string
  description?: ReactNode
  actions?: ReactNode
  children: ReactNode
  className?: string
}) {
  const titleId = useId()
  return (
    <section aria-labelledby={titleId} className={cn('min-w-0 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm', className)}>
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={titleId} className="text-sm font-semibold text-zinc-900">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-xs text-zinc-500">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  )
}

/** In place of a chart without data: says what would fill it. */
export function ChartEmpty({ message, action, height = 220 }: { message: ReactNode; action?: ReactNode; height?: number }) {
  return (
    <div
      style={{ minHeight: height }}
      className="flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-zinc-200 bg-zinc-50/60 px-4 text-center text-sm text-zinc-500"
    >
      <p>{message}</p>
      {action}
    </div>
  )
}

/** Series colours: distinct, readable on white, in the order the series come. */
export const CHART_COLORS = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#8b5cf6', '#ec4899', '#14b8a6', '#a1a1aa'] as const
export const ERROR_COLOR = '#ef4444'

import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

/** A bordered, horizontally scrollable table. */
export function Table({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn('overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-sm', className)}>
      <table aria-label={label} className="w-full border-collapse text-left text-sm">
        {children}
      </table>
    </div>
  )
}

export const thClasses = 'whitespace-nowrap border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-xs font-medium text-zinc-500'
export const tdClasses = 'border-b border-zinc-100 px-4 py-2.5 align-middle text-zinc-700'

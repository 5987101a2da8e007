import { cn } from '@/lib/cn'

export function Spinner({ className, label = 'Loading' }: { className?: string; label?: string }) {
  return (
    <span role="status" className={cn('inline-flex items-center gap-2 text-sm text-zinc-500', className)}>
      <span
        aria-hidden
        className="size-4 animate-spin rounded-full border-2 border-zinc-200 border-t-zinc-500"
      />
      <span className="sr-only">{label}</span>
    </span>
  )
}

import { cn } from '@/lib/cn'

export type StatusTone = 'neutral' | 'success' | 'warning' | 'danger'

const tones: Record<StatusTone, string> = {
  neutral: 'bg-zinc-400',
  success: 'bg-emerald-500',
  warning: 'bg-amber-500',
  danger: 'bg-red-500',
}

export function StatusDot({ tone, pulse = false }: { tone: StatusTone; pulse?: boolean }) {
  return (
    <span aria-hidden className="relative flex size-2">
      {pulse && <span className={cn('absolute inline-flex size-full animate-ping rounded-full opacity-60', tones[tone])} />}
      <span className={cn('relative inline-flex size-2 rounded-full', tones[tone])} />
    </span>
  )
}

import { StatusDot, type StatusTone } from '@/components/ui/status-dot'
import { useApiStatus, type ApiStatus as Status } from '@/lib/health'

const tones: Record<Status['state'], StatusTone> = {
  checking: 'neutral',
  online: 'success',
  degraded: 'warning',
  unreachable: 'danger',
}

/** Small pill in the header fed by GET /health (refreshed every 30 s). */
export function ApiStatus() {
  const status = useApiStatus()
  const detail = status.state === 'degraded' && status.failing.length > 0 ? `Failing: ${status.failing.join(', ')}` : undefined

  return (
    <div
      role="status"
      aria-live="polite"
      data-state={status.state}
      title={detail}
      className="inline-flex items-center gap-2 rounded-full border border-zinc-200 bg-white px-2.5 py-1 text-xs font-medium text-zinc-600"
    >
      <StatusDot tone={tones[status.state]} pulse={status.state === 'online'} />
      <span>{status.label}</span>
    </div>
  )
}

import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { CostSource, RunStatus } from '@/lib/closed-sets'
import { formatUsd } from '@/lib/format'

const STATUS_TONES: Record<RunStatus, BadgeTone> = { running: 'accent', completed: 'success', failed: 'danger', cancelled: 'neutral' }

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{status}</Badge>
}

/** A cost as it should be read: an amount, "unpriced" when no price was known or the usage was not recognised, marked when the client sent it. */
export function CostValue({ usd, source }: { usd: number | null; source: CostSource }) {
  if (source === 'usage_unrecognized' && usd === null) {
    return (
      <span title="The token usage object matched no known shape: not priced (open the run for its keys)">
        <Badge tone="warning">usage not recognised</Badge>
      </span>
    )
  }
  if (source === 'unpriced' && (usd === null || usd === 0)) {
    return (
      <span title="No price is known for this model">
        <Badge tone="warning">unpriced</Badge>
      </span>
    )
  }
  return (
    <span className="inline-flex items-baseline gap-1">
      <span className="tabular-nums">{formatUsd(usd)}</span>
      {source === 'provided' && (
        <abbr title="Cost provided by the client" className="cursor-help text-[10px] font-medium uppercase text-zinc-400 no-underline">
          provided
        </abbr>
      )}
    </span>
  )
}

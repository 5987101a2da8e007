import type { CostSource } from '@/lib/closed-sets'

/** Rows of a cost breakdown, largest first; kinds read as words ("cache_read" → "Cache read"). */
export function breakdownRows(breakdown: Record<string, number> | null | undefined): Array<{ kind: string; label: string; usd: number; share: number }> {
  if (!breakdown) return []
  const entries = Object.entries(breakdown).filter(([, usd]) => typeof usd === 'number' && Number.isFinite(usd))
  const total = entries.reduce((sum, [, usd]) => sum + usd, 0)
  return entries
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, usd]) => ({
      kind,
      label: kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      usd,
      share: total > 0 ? usd / total : 0,
    }))
}

export const COST_SOURCE_TEXT: Record<CostSource, string> = {
  computed: 'Computed from token usage and the price table',
  provided: 'Provided by the client (cost_usd sent with the run)',
  unpriced: 'Not priced: no price is known for this model',
}

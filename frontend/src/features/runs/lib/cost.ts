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
  usage_unrecognized: 'Not priced: the token usage was not recognised',
}

/**
 * Why a run's or event's usage was not (fully) priced, in words, or null when nothing needs saying: an unrecognised
 * usage object (its own keys, or one of its events'), or keys left out of a priced one.
 */
export function usageProvenance(
  source: CostSource,
  unrecognizedKeys: readonly string[] | null | undefined,
  subject: 'run' | 'event' = 'run',
): string | null {
  const keys = unrecognizedKeys?.length ? unrecognizedKeys.join(', ') : null
  if (source === 'usage_unrecognized') {
    if (!keys && subject === 'run') {
      return 'An LLM call of this run sent a token usage object of no known shape, so the run has no cost (not $0): see the timeline.'
    }
    return (
      `The token usage object matched no known shape${keys ? ` (keys: ${keys})` : ''}, so it was not priced (not $0). ` +
      'Send it as the provider returns it, with usage_format naming the provider (openai, anthropic, gemini, bedrock, vercel_ai, langchain, cohere), or in the agentops shape.'
    )
  }
  return keys ? `Priced from the recognised counts; these usage keys were not priced: ${keys}.` : null
}

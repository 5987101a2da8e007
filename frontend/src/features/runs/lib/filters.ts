/**
 * Filters of the run browser, as kept in the URL (shareable, kept on reload). `from`/`to` are ISO-8601 UTC so
 * links work across time zones; `min_cost` is USD.
 */
import { RUN_STATUSES } from '@/lib/closed-sets'

export type RunFilters = {
  status: string
  agent_id: string
  model: string
  tag: string
  q: string
  from: string
  to: string
  min_cost: string
}

export const RUN_FILTER_KEYS = ['status', 'agent_id', 'model', 'tag', 'q', 'from', 'to', 'min_cost'] as const satisfies readonly (keyof RunFilters)[]

export const EMPTY_RUN_FILTERS: RunFilters = { status: '', agent_id: '', model: '', tag: '', q: '', from: '', to: '', min_cost: '' }

const validIso = (value: string) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : '')
const validCost = (value: string) => (/^\d+(\.\d+)?$/.test(value) ? value : '')

/** Reads the filters of a URL; unknown parameters and unreadable values are dropped. */
export function runFiltersFromSearch(params: URLSearchParams): RunFilters {
  const text = (key: string) => params.get(key)?.trim() ?? ''
  const status = text('status')
  return {
    status: (RUN_STATUSES as readonly string[]).includes(status) ? status : '',
    agent_id: text('agent_id') || text('agent'),
    model: text('model'),
    tag: text('tag'),
    q: text('q').slice(0, 200),
    from: validIso(text('from')),
    to: validIso(text('to')),
    min_cost: validCost(text('min_cost')),
  }
}

/** The URL's query: only the filters that are set, in a stable order. */
export function runFiltersToSearch(filters: RunFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of RUN_FILTER_KEYS) {
    const value = filters[key].trim()
    if (value) params.set(key, value)
  }
  return params
}

export const hasRunFilters = (filters: RunFilters, ignore: readonly (keyof RunFilters)[] = []): boolean =>
  RUN_FILTER_KEYS.some((key) => !ignore.includes(key) && filters[key] !== '')

/** Problems of the filter form before it goes to the URL. */
export function runFiltersProblem(filters: RunFilters): string | undefined {
  if (filters.min_cost && !validCost(filters.min_cost)) return 'Minimum cost is an amount in USD, like 0.05.'
  if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to)) return '"From" is after "To".'
  return undefined
}

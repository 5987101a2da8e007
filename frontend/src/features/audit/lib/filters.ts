/** Filters of the audit log, as kept in the URL (`from`/`to` as ISO-8601 UTC, so links work across time zones). */
export type AuditFilters = {
  actor_type: string
  action: string
  entity_type: string
  from: string
  to: string
}

export const FILTER_KEYS = ['actor_type', 'action', 'entity_type', 'from', 'to'] as const satisfies readonly (keyof AuditFilters)[]

export const ACTOR_TYPES = [
  { value: 'user', label: 'User' },
  { value: 'api_key', label: 'API key' },
  { value: 'system', label: 'System' },
] as const

export const EMPTY_FILTERS: AuditFilters = { actor_type: '', action: '', entity_type: '', from: '', to: '' }

const validIso = (value: string) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : '')

/** Reads the filters of a URL; unknown parameters are ignored and unreadable dates dropped. */
export function filtersFromSearch(params: URLSearchParams): AuditFilters {
  return {
    actor_type: params.get('actor_type')?.trim() ?? '',
    action: params.get('action')?.trim() ?? '',
    entity_type: params.get('entity_type')?.trim() ?? '',
    from: validIso(params.get('from') ?? ''),
    to: validIso(params.get('to') ?? ''),
  }
}

/** The URL's query for the filters: only those that are set, in a stable order. */
export function filtersToSearch(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim()
    if (value) params.set(key, value)
  }
  return params
}

export const hasFilters = (filters: AuditFilters): boolean => FILTER_KEYS.some((key) => filters[key] !== '')

/** Problems of a filter form before it goes to the URL. */
export function filtersProblem(filters: AuditFilters): string | undefined {
  if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to)) return '"From" is after "To".'
  return undefined
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The fields an entry changed, for the collapsed row. `{before, after}` diffs yield the keys whose values differ;
 * any other object yields its keys; anything else nothing.
 */
export function summarizeChanges(changes: unknown): string[] {
  if (!isObject(changes)) return []
  const { before, after } = changes
  if (isObject(before) || isObject(after)) {
    const b = isObject(before) ? before : {}
    const a = isObject(after) ? after : {}
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    return keys.filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key])).sort()
  }
  return Object.keys(changes).sort()
}

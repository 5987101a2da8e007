/** The time ranges of the dashboards, kept in the URL as `?range=`. */
export const TIME_RANGES = [
  { value: '24h', label: '24 hours', ms: 24 * 3_600_000 },
  { value: '7d', label: '7 days', ms: 7 * 86_400_000 },
  { value: '30d', label: '30 days', ms: 30 * 86_400_000 },
] as const

export type TimeRange = (typeof TIME_RANGES)[number]['value']

export const DEFAULT_TIME_RANGE: TimeRange = '24h'

/** The range named by a URL parameter; the default for a missing or unknown one. */
export function parseTimeRange(value: string | null | undefined): TimeRange {
  return TIME_RANGES.find((range) => range.value === value)?.value ?? DEFAULT_TIME_RANGE
}

/**
 * The window ending now. Computed when the request is made (never part of a query key), so a cached
 * dashboard refetches the latest window instead of a new key every render.
 */
export function timeWindow(range: TimeRange, now: number = Date.now()): { from: string; to: string } {
  const ms = TIME_RANGES.find((r) => r.value === range)!.ms
  return { from: new Date(now - ms).toISOString(), to: new Date(now).toISOString() }
}

export const timeRangeLabel = (range: TimeRange): string => TIME_RANGES.find((r) => r.value === range)!.label

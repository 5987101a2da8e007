/** Helpers shared by the `prepare*` functions of the charts: bucket grids and period-over-period change. */

export type Bucket = 'hour' | 'day'

const STEP: Record<Bucket, number> = { hour: 3_600_000, day: 86_400_000 }

/** The start (UTC) of the bucket that holds `ms`. */
export function bucketFloor(ms: number, bucket: Bucket): number {
  return Math.floor(ms / STEP[bucket]) * STEP[bucket]
}

/** Every bucket start from the one holding `from` to the one holding `to`, in UTC (the API's buckets). */
export function bucketStarts(from: string, to: string, bucket: Bucket, max = 1_000): number[] {
  const start = Date.parse(from)
  const end = Date.parse(to)
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return []
  const starts: number[] = []
  for (let at = bucketFloor(start, bucket); at <= end && starts.length < max; at += STEP[bucket]) starts.push(at)
  return starts
}

/**
 * Puts points on a complete grid of buckets. Counts and costs (`zero`) are 0 where the API sent no bucket;
 * averages and percentiles (`gaps`) are null there, so a chart draws a gap instead of a false zero.
 * Points off the grid (another alignment than ours) are kept, not dropped.
 */
export function fillBuckets<Z extends string, G extends string = never>(
  points: ReadonlyArray<{ bucket: string; [field: string]: unknown }>,
  range: { from: string; to: string; bucket: Bucket },
  fields: { zero: readonly Z[]; gaps?: readonly G[] },
): Array<{ bucket: number } & Record<Z, number> & Record<G, number | null>> {
  type Row = { bucket: number } & Record<Z, number> & Record<G, number | null>
  const gaps = fields.gaps ?? []
  const empty = (bucket: number): Row => {
    const row: Record<string, number | null> = { bucket }
    for (const key of fields.zero) row[key] = 0
    for (const key of gaps) row[key] = null
    return row as Row
  }
  const rows = new Map<number, Row>()
  for (const at of bucketStarts(range.from, range.to, range.bucket)) rows.set(at, empty(at))
  for (const point of points) {
    const at = Date.parse(point.bucket)
    if (Number.isNaN(at)) continue
    const row: Record<string, number | null> = rows.get(at) ?? empty(at)
    const values = point as Record<string, unknown>
    for (const key of fields.zero) {
      const value = values[key]
      row[key] = (row[key] as number) + (typeof value === 'number' && Number.isFinite(value) ? value : 0)
    }
    for (const key of gaps) {
      const value = values[key]
      row[key] = typeof value === 'number' && Number.isFinite(value) ? value : null
    }
    rows.set(at, row as Row)
  }
  return [...rows.values()].sort((a, b) => a.bucket - b.bucket)
}

export type Change =
  | { kind: 'none' }
  | { kind: 'new' }
  | { kind: 'change'; ratio: number }

/**
 * Relative change from the previous period. Nothing before and nothing now is no change; something now after
 * nothing before is "new" (a percentage would divide by zero).
 */
export function percentChange(current: number | null | undefined, previous: number | null | undefined): Change {
  const now = typeof current === 'number' && Number.isFinite(current) ? current : 0
  const before = typeof previous === 'number' && Number.isFinite(previous) ? previous : 0
  if (before === 0) return now === 0 ? { kind: 'none' } : { kind: 'new' }
  const ratio = (now - before) / Math.abs(before)
  return ratio === 0 ? { kind: 'none' } : { kind: 'change', ratio }
}

/** "+12.5%", "−3%", "new", "no change". */
export function formatChange(change: Change): string {
  if (change.kind === 'none') return 'no change'
  if (change.kind === 'new') return 'new'
  const percent = Math.abs(change.ratio * 100)
  const text = percent >= 100 ? Math.round(percent).toLocaleString('en-US') : Number(percent.toFixed(1)).toString()
  return `${change.ratio > 0 ? '+' : '−'}${text}%`
}

/** Change of a ratio (an error rate) in percentage points: "+2.5 pp". */
export function formatPointChange(current: number | null | undefined, previous: number | null | undefined): string {
  const diff = ((current ?? 0) - (previous ?? 0)) * 100
  if (!Number.isFinite(diff) || Math.abs(diff) < 0.05) return 'no change'
  return `${diff > 0 ? '+' : '−'}${Math.abs(diff).toFixed(1)} pp`
}

// Created once: toLocaleTimeString with options builds a new formatter on every call (~0.2 ms, 200 times the cost
// of reusing one), and a chart axis formats every candidate tick, some several times
const bucketFormats = {
  hour: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }),
  day: new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }),
}
const bucketLongFormats = {
  hour: new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
  day: new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }),
}

/** Tick label of a bucket: "14:00" for hours, "Mar 4" for days (the viewer's time zone). */
export function formatBucket(ms: number, bucket: Bucket): string {
  return bucketFormats[bucket].format(ms)
}

/** Tooltip label of a bucket: "Mar 4, 14:00" or "Mar 4, 2026". */
export function formatBucketLong(ms: number, bucket: Bucket): string {
  return bucketLongFormats[bucket].format(ms)
}

/** The API says `bucket`; anything unexpected is read from the span (hours up to 2 days, days beyond). */
export function bucketOf(range: { from: string; to: string; bucket?: string | null }): Bucket {
  if (range.bucket === 'hour' || range.bucket === 'day') return range.bucket
  const span = Date.parse(range.to) - Date.parse(range.from)
  return Number.isFinite(span) && span > 2 * 86_400_000 ? 'day' : 'hour'
}

export type Share = { label: string; value: number; share: number }

/**
 * Slices of a whole for a pie: positive values, largest first, the tail beyond `limit - 1` slices summed
 * into "Other" so the pie stays readable.
 */
export function toShares(items: ReadonlyArray<{ label: string; value: number }>, limit = 6, otherLabel = 'Other'): Share[] {
  const positive = items.filter((item) => Number.isFinite(item.value) && item.value > 0)
  const total = positive.reduce((sum, item) => sum + item.value, 0)
  if (total <= 0) return []
  const sorted = [...positive].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
  const kept = sorted.length > limit ? sorted.slice(0, limit - 1) : sorted
  const rest = sorted.length > limit ? sorted.slice(limit - 1).reduce((sum, item) => sum + item.value, 0) : 0
  const slices = rest > 0 ? [...kept, { label: otherLabel, value: rest }] : kept
  return slices.map((slice) => ({ label: slice.label, value: slice.value, share: slice.value / total }))
}

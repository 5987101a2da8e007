/**
 * The costs page's logic without React: the range in the URL, the daily chart's rows, the CSV export's file name,
 * and the sentence about runs without a price.
 */

/** Presets of the costs page, kept in the URL as `?range=`; custom ranges are `?from=YYYY-MM-DD&to=YYYY-MM-DD`. */
export const COST_RANGES = [
  { value: '7d', label: '7 days', days: 7 },
  { value: '30d', label: '30 days', days: 30 },
  { value: '90d', label: '90 days', days: 90 },
] as const

export type CostPreset = (typeof COST_RANGES)[number]['value']
export const DEFAULT_COST_PRESET: CostPreset = '30d'

/** What the URL asks for: a preset ending now, or whole calendar days (both ends included). */
export type CostRange = { kind: 'preset'; preset: CostPreset } | { kind: 'days'; from: string; to: string }

/** The API refuses ranges longer than this. */
export const MAX_RANGE_DAYS = 400

const DAY_MS = 86_400_000
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date "2026-11-20" as its parts, or null when it is not one (2026-02-30 is not). */
export function parseDay(text: string | null | undefined): { y: number; m: number; d: number } | null {
  const match = ISO_DAY.exec(text ?? '')
  if (!match) return null
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return { y, m, d }
}

/** The range of the URL: valid custom days, else the preset, else the default (last 30 days). */
export function costRangeOf(search: URLSearchParams): CostRange {
  const from = search.get('from')
  const to = search.get('to')
  if (parseDay(from) && parseDay(to) && from! <= to!) return { kind: 'days', from: from!, to: to! }
  const preset = COST_RANGES.find((range) => range.value === search.get('range'))?.value ?? DEFAULT_COST_PRESET
  return { kind: 'preset', preset }
}

/** The URL parameters of a range (none for the default). */
export function costRangeSearch(range: CostRange): Record<string, string> {
  if (range.kind === 'days') return { from: range.from, to: range.to }
  return range.preset === DEFAULT_COST_PRESET ? {} : { range: range.preset }
}

/** Problem with custom days a person typed, or null. */
export function customRangeProblem(from: string, to: string): string | null {
  const start = parseDay(from)
  const end = parseDay(to)
  if (!start || !end) return 'Pick both days.'
  if (from > to) return 'The first day must not be after the last.'
  const days = (Date.UTC(end.y, end.m - 1, end.d) - Date.UTC(start.y, start.m - 1, start.d)) / DAY_MS + 1
  if (days > MAX_RANGE_DAYS) return `At most ${MAX_RANGE_DAYS} days.`
  return null
}

/**
 * The instants sent as `from` and `to`. A preset ends now; custom days run from the first day's midnight to the
 * midnight after the last one, in the viewer's time zone (never past now). Computed when the request is made,
 * never part of a query key.
 */
export function rangeInstants(range: CostRange, now: number = Date.now()): { from: string; to: string } {
  if (range.kind === 'preset') {
    const days = COST_RANGES.find((r) => r.value === range.preset)!.days
    return { from: new Date(now - days * DAY_MS).toISOString(), to: new Date(now).toISOString() }
  }
  const start = parseDay(range.from)!
  const end = parseDay(range.to)!
  const from = new Date(start.y, start.m - 1, start.d).getTime()
  const to = Math.max(from + 3_600_000, Math.min(now, new Date(end.y, end.m - 1, end.d + 1).getTime()))
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() }
}

/** "2026-11-20" of an instant in a time zone (an IANA name; an unknown one falls back to UTC). */
export function dayIn(ms: number, timeZone: string): string {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  } catch {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, part.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** The first and last calendar day of a range the API answered with, in its zone (to prefill the date fields). */
export function shownDaysOf(range: { from: string; to: string; timezone: string }): { from: string; to: string } | undefined {
  const from = Date.parse(range.from)
  const to = Date.parse(range.to)
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return undefined
  return { from: dayIn(from, range.timezone), to: dayIn(to - 1, range.timezone) }
}

/** Every calendar day from `first` to `last` (both included), at most MAX_RANGE_DAYS + 1. */
export function daysBetween(first: string, last: string): string[] {
  const start = parseDay(first)
  const end = parseDay(last)
  if (!start || !end || first > last) return []
  const days: string[] = []
  for (let at = Date.UTC(start.y, start.m - 1, start.d); days.length <= MAX_RANGE_DAYS; at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10)
    if (day > last) break
    days.push(day)
  }
  return days
}

type Figures = { cost_usd: number; runs: number; unpriced_runs: number }

/**
 * Rows of the daily chart: every day of the range in the organization's zone (the API sends only days with
 * runs), cost and runs 0 where nothing ran. `bucket` is the day's local midnight, which the chart prints as that day.
 */
export function prepareDailyCost(
  byDay: ReadonlyArray<{ day: string; figures: Figures }>,
  range: { from: string; to: string; timezone: string },
): Array<{ bucket: number; day: string; cost: number; runs: number }> {
  const from = Date.parse(range.from)
  const to = Date.parse(range.to)
  const known = new Map(byDay.map((entry) => [entry.day, entry.figures]))
  const days = Number.isFinite(from) && Number.isFinite(to) && to > from ? daysBetween(dayIn(from, range.timezone), dayIn(to - 1, range.timezone)) : []
  for (const day of known.keys()) if (!days.includes(day)) days.push(day)
  days.sort()
  return days.map((day) => {
    const { y, m, d } = parseDay(day) ?? { y: 1970, m: 1, d: 1 }
    const figures = known.get(day)
    return { bucket: new Date(y, m - 1, d).getTime(), day, cost: figures?.cost_usd ?? 0, runs: figures?.runs ?? 0 }
  })
}

/** "3 runs had no price — totals are too low", or null when every run had one. */
export function unpricedWarning(unpriced: number | null | undefined): string | null {
  if (!unpriced || unpriced <= 0) return null
  return `${unpriced.toLocaleString('en-US')} ${unpriced === 1 ? 'run had' : 'runs had'} no price — totals are too low`
}

/** The groupings of the CSV export (`group_by`), `run` first: one line per run. */
export const EXPORT_GROUPS = [
  { value: 'run', label: 'One line per run' },
  { value: 'day', label: 'By day' },
  { value: 'agent', label: 'By agent' },
  { value: 'team', label: 'By team' },
  { value: 'model', label: 'By model' },
] as const

export type ExportGroup = (typeof EXPORT_GROUPS)[number]['value']

export const exportGroupOf = (value: string | null | undefined): ExportGroup =>
  EXPORT_GROUPS.find((group) => group.value === value)?.value ?? 'run'

/** A file name that is safe to save: no directories, no control characters, ends in .csv. */
function safeName(name: string): string | null {
  const base = name.split(/[/\\]/).pop()!.replace(/[\u0000-\u001f\u007f"*:<>?|]/g, '').trim()
  if (!base || base === '.' || base === '..') return null
  return /\.csv$/i.test(base) ? base : `${base}.csv`
}

/**
 * The file name of a `Content-Disposition` header: `filename*=UTF-8''...` (RFC 5987) wins over `filename="..."`,
 * quoted or not. Null when there is none (or the header cannot be read, as across origins without
 * `Access-Control-Expose-Headers`).
 */
export function filenameFromContentDisposition(header: string | null | undefined): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)
  if (extended) {
    try {
      const name = safeName(decodeURIComponent(extended[2].trim().replace(/^"|"$/g, '')))
      if (name) return name
    } catch {
      // a malformed escape: fall back to the plain parameter
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)
  if (quoted) return safeName(quoted[1].replace(/\\(.)/g, '$1'))
  const plain = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header)
  return plain ? safeName(plain[1]) : null
}

/** "20261120T0000Z", as the API names its files. */
const compactUtc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\d\d\.\d{3}Z$/, 'Z')

/** The name used when the answer names no file: the API's pattern without the organization. */
export function fallbackCsvName(from: string, to: string, group: ExportGroup): string {
  return `agentops-costs-${compactUtc(from)}-${compactUtc(to)}-by-${group}.csv`
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

const parse = (iso: string | null | undefined): Date | null => {
  if (!iso) return null
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "Mar 4, 2026"; an em dash for no date. */
export function formatDate(iso: string | null | undefined): string {
  const date = parse(iso)
  return date ? dateFormat.format(date) : '—'
}

/** "Mar 4, 2026, 10:15:02" in the viewer's time zone; an em dash for no date. */
export function formatDateTime(iso: string | null | undefined): string {
  const date = parse(iso)
  return date ? dateTimeFormat.format(date) : '—'
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", then the date; "in 3 d" for the future. */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  const date = parse(iso)
  if (!date) return '—'
  const seconds = Math.round((date.getTime() - now) / 1000)
  const abs = Math.abs(seconds)
  const say = (n: number, unit: string) => (seconds < 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`)
  if (abs < 45) return 'just now'
  if (abs < 3_600) return say(Math.round(abs / 60), 'min')
  if (abs < 86_400) return say(Math.round(abs / 3_600), 'h')
  if (abs < 30 * 86_400) return say(Math.round(abs / 86_400), 'd')
  return formatDate(iso)
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

const finite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * US dollars for people: cents from $1 up ("$1,234.50"), up to 4 decimals from a cent ("$0.0425"), and 6 decimals
 * below a cent, where LLM calls live ("$0.000350"). An em dash for no amount.
 */
export function formatUsd(value: number | null | undefined): string {
  if (!finite(value)) return '—'
  if (value === 0) return '$0.00'
  const abs = Math.abs(value)
  const sign = value < 0 ? '-' : ''
  if (abs < 0.000_000_5) return `${sign === '-' ? '>-' : '<'}$0.000001`
  const digits = abs >= 1 ? { min: 2, max: 2 } : abs >= 0.01 ? { min: 2, max: 4 } : { min: 6, max: 6 }
  const text = abs.toLocaleString('en-US', { minimumFractionDigits: digits.min, maximumFractionDigits: digits.max })
  return `${sign}$${text}`
}

/** "12,345"; an em dash for no count. */
export function formatTokens(value: number | null | undefined): string {
  return finite(value) ? integer.format(value) : '—'
}

/** "1.2K", "3.4M" for chart axes. */
export function formatCompact(value: number | null | undefined): string {
  return finite(value) ? compact.format(value) : '—'
}

/** A ratio (0..1) as a percentage: "12.5%", "0%", "100%". */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (!finite(ratio)) return '—'
  const percent = ratio * 100
  return `${Number(percent.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits })}%`
}

/** "350 ms", "1.2 s", "2 min 5 s", "1 h 4 min"; an em dash for no duration. */
export function formatDuration(ms: number | null | undefined): string {
  if (!finite(ms) || ms < 0) return '—'
  if (ms < 1_000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`
  const totalSeconds = Math.round(ms / 1_000)
  if (totalSeconds < 3_600) {
    const seconds = totalSeconds % 60
    return seconds ? `${Math.floor(totalSeconds / 60)} min ${seconds} s` : `${totalSeconds / 60} min`
  }
  const minutes = Math.round((ms % 3_600_000) / 60_000)
  const hours = Math.floor(ms / 3_600_000)
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`
}

/** Time since a reference point: "+0 ms", "+1.2 s", "+2 min 5 s"; negative offsets get a minus. */
export function formatOffset(ms: number | null | undefined): string {
  if (!finite(ms)) return '—'
  return `${ms < 0 ? '−' : '+'}${formatDuration(Math.abs(ms))}`
}

/** Short money for chart axes: "$0", "$0.0045", "$1.5", "$1.2K". */
export function formatUsdAxis(value: number | null | undefined): string {
  if (!finite(value)) return '—'
  if (value === 0) return '$0'
  const abs = Math.abs(value)
  const sign = value < 0 ? '-' : ''
  if (abs >= 1_000) return `${sign}$${compact.format(abs)}`
  return `${sign}$${Number(abs.toPrecision(2)).toLocaleString('en-US', { maximumFractionDigits: 8 })}`
}

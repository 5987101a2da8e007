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

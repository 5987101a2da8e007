/** `<input type="datetime-local">` values (the viewer's time zone) to and from ISO instants (UTC, for URLs). */

const pad = (n: number) => String(n).padStart(2, '0')

/** ISO instant → the value of a `datetime-local` input in the viewer's time zone ('' for none). */
export function isoToLocalInput(iso: string): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** A `datetime-local` value (the viewer's time zone) → ISO instant ('' for none or an unreadable value). */
export function localInputToIso(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!match) return ''
  const [, y, mo, d, h, mi, s] = match.map(Number)
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

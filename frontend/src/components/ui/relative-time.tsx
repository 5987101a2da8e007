import { formatDateTime, formatRelative } from '@/lib/format'

/** "5 min ago", with the exact time on hover and for assistive technology. */
export function RelativeTime({ iso, className }: { iso: string | null | undefined; className?: string }) {
  if (!iso) return <span className={className}>—</span>
  const absolute = formatDateTime(iso)
  return (
    <time dateTime={iso} title={absolute} className={className}>
      {formatRelative(iso)}
    </time>
  )
}

import { ChevronRight } from 'lucide-react'
import { Fragment, useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import type { AuditEntry } from '@/features/audit/api/get-audit-logs'
import { summarizeChanges } from '@/features/audit/lib/filters'
import { cn } from '@/lib/cn'
import { formatDateTime } from '@/lib/format'

const short = (id: string | null) => (id ? (id.length > 12 ? `${id.slice(0, 8)}…` : id) : '—')

function Details({ entry }: { entry: AuditEntry }) {
  const json = entry.changes === null || entry.changes === undefined ? null : JSON.stringify(entry.changes, null, 2)
  return (
    <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
      <div className="min-w-0">
        <p className="mb-1.5 text-xs font-medium text-zinc-500">Changes</p>
        {json ? (
          <pre className="max-h-96 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs leading-relaxed text-zinc-100">{json}</pre>
        ) : (
          <p className="text-sm text-zinc-500">No changes recorded.</p>
        )}
      </div>
      <dl className="grid h-fit grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-xs">
        <dt className="text-zinc-500">Entry</dt>
        <dd className="break-all font-mono text-zinc-800">#{entry.seq} · {entry.id}</dd>
        <dt className="text-zinc-500">Actor</dt>
        <dd className="break-all font-mono text-zinc-800">{entry.actor_id ?? '—'}</dd>
        <dt className="text-zinc-500">Entity</dt>
        <dd className="break-all font-mono text-zinc-800">{entry.entity_id ?? '—'}</dd>
        <dt className="text-zinc-500">Request</dt>
        <dd className="break-all font-mono text-zinc-800">{entry.request_id ?? '—'}</dd>
        <dt className="text-zinc-500">User agent</dt>
        <dd className="break-all text-zinc-800">{entry.user_agent ?? '—'}</dd>
        {entry.hash && (
          <>
            <dt className="text-zinc-500">Hash</dt>
            <dd className="break-all font-mono text-zinc-800">{entry.hash}</dd>
          </>
        )}
      </dl>
    </div>
  )
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })

  return (
    <Table label="Audit log">
      <thead>
        <tr>
          <th className={cn(thClasses, 'w-8')}>
            <span className="sr-only">Details</span>
          </th>
          <th className={thClasses}>Time</th>
          <th className={thClasses}>Actor</th>
          <th className={thClasses}>Action</th>
          <th className={thClasses}>Entity</th>
          <th className={thClasses}>Changed</th>
          <th className={thClasses}>IP</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const expanded = open.has(entry.id)
          const changed = summarizeChanges(entry.changes)
          const detailsId = `audit-${entry.id}`
          return (
            <Fragment key={entry.id}>
              <tr className={cn(expanded && 'bg-zinc-50')}>
                <td className={cn(tdClasses, 'pr-0')}>
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={expanded ? detailsId : undefined}
                    aria-label={`${expanded ? 'Hide' : 'Show'} details of ${entry.action} #${entry.seq}`}
                    onClick={() => toggle(entry.id)}
                    className="rounded p-0.5 text-zinc-400 outline-none hover:bg-zinc-100 hover:text-zinc-700 focus-visible:ring-2 focus-visible:ring-accent-500"
                  >
                    <ChevronRight aria-hidden className={cn('size-4 transition-transform', expanded && 'rotate-90')} />
                  </button>
                </td>
                <td className={cn(tdClasses, 'whitespace-nowrap')}>
                  <time dateTime={entry.created_at}>{formatDateTime(entry.created_at)}</time>
                </td>
                <td className={cn(tdClasses, 'whitespace-nowrap')}>
                  <Badge>{entry.actor_type}</Badge> <span className="font-mono text-xs text-zinc-500">{short(entry.actor_id)}</span>
                </td>
                <td className={cn(tdClasses, 'whitespace-nowrap font-mono text-xs text-zinc-900')}>{entry.action}</td>
                <td className={cn(tdClasses, 'whitespace-nowrap')}>
                  {entry.entity_type} <span className="font-mono text-xs text-zinc-500">{short(entry.entity_id)}</span>
                </td>
                <td className={cn(tdClasses, 'max-w-56 truncate text-xs')} title={changed.join(', ')}>
                  {changed.length ? changed.join(', ') : <span className="text-zinc-400">—</span>}
                </td>
                <td className={cn(tdClasses, 'whitespace-nowrap font-mono text-xs')}>{entry.ip ?? '—'}</td>
              </tr>
              {expanded && (
                <tr id={detailsId}>
                  <td colSpan={7} className="border-b border-zinc-200 bg-zinc-50 px-4 py-4">
                    <Details entry={entry} />
                  </td>
                </tr>
              )}
            </Fragment>
          )
        })}
      </tbody>
    </Table>
  )
}

import { useSearchParams } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { NoAccess } from '@/components/ui/section'
import { Spinner } from '@/components/ui/spinner'
import { useAuditLogs } from '@/features/audit/api/get-audit-logs'
import { AuditFilterBar } from '@/features/audit/components/audit-filter-bar'
import { AuditTable } from '@/features/audit/components/audit-table'
import { VerifyChain } from '@/features/audit/components/verify-chain'
import { type AuditFilters, filtersFromSearch, filtersToSearch, hasFilters } from '@/features/audit/lib/filters'
import { useCan } from '@/lib/authorization'

function AuditEntries({ filters }: { filters: AuditFilters }) {
  const logs = useAuditLogs(filters)
  if (logs.isPending) return <Spinner label="Loading the audit log" />
  if (logs.isError) return <QueryError error={logs.error} onRetry={() => void logs.refetch()} />
  const entries = logs.data.pages.flatMap((page) => page.data)
  if (entries.length === 0) {
    return (
      <EmptyState
        icon={<NavIcon name="audit" className="size-5" />}
        title={hasFilters(filters) ? 'No entries match these filters' : 'No entries yet'}
        description={
          hasFilters(filters)
            ? 'Widen the time range or clear a filter.'
            : 'Every change and control action in this organization will be recorded here.'
        }
      />
    )
  }
  return (
    <div className="space-y-3">
      <AuditTable entries={entries} />
      {logs.isFetchNextPageError && <p className="text-sm text-red-600">Could not load more entries.</p>}
      {logs.hasNextPage ? (
        <Button variant="secondary" onClick={() => void logs.fetchNextPage()} disabled={logs.isFetchingNextPage}>
          {logs.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : (
        <p className="text-xs text-zinc-400">{entries.length === 1 ? '1 entry' : `${entries.length} entries`}, the end of the log.</p>
      )}
    </div>
  )
}

export default function AuditRoute() {
  const allowed = useCan('audit:read')
  const [params, setParams] = useSearchParams()
  const filters = filtersFromSearch(params)
  const search = filtersToSearch(filters).toString()
  return (
    <ContentLayout title="Audit log" description="Who did what, and when. Entries are chained by hash: any change breaks the chain." actions={allowed && <VerifyChain />}>
      {allowed ? (
        <div className="space-y-4">
          {/* keyed by the URL: back/forward puts the form in step with the filters */}
          <AuditFilterBar key={search} filters={filters} onApply={(next) => setParams(filtersToSearch(next))} />
          <AuditEntries filters={filters} />
        </div>
      ) : (
        <NoAccess what="the audit log" />
      )}
    </ContentLayout>
  )
}

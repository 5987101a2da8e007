import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import type { AuditFilters } from '@/features/audit/lib/filters'
import { api, compact, type Refine, type Schemas, unwrap } from '@/lib/api-client'

/** Hash chain: an entry's `hash` covers its content and the previous entry's hash. */
export type AuditEntry = Refine<
  Schemas['AuditLogResponse'],
  {
    actor_id: string | null
    entity_id: string | null
    changes: unknown
    ip: string | null
    user_agent: string | null
    request_id: string | null
    prev_hash?: string | null
    hash?: string | null
  }
>

export const AUDIT_PAGE_SIZE = 50

export const getAuditLogs = (filters: AuditFilters, cursor: string | null, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/audit-logs', { params: { query: compact({ ...filters, limit: AUDIT_PAGE_SIZE, cursor }) }, signal })) as Promise<{
    data: AuditEntry[]
    page: Schemas['PageInfo']
  }>

export const auditLogsQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit-logs', filters],
    queryFn: ({ pageParam, signal }) => getAuditLogs(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

export const useAuditLogs = (filters: AuditFilters) => useInfiniteQuery(auditLogsQueryOptions(filters))

import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import type { AuditFilters } from '@/features/audit/lib/filters'
import { http, type ListEnvelope } from '@/lib/http'

export type AuditEntry = {
  id: string
  seq: number
  actor_type: string
  actor_id: string | null
  action: string
  entity_type: string
  entity_id: string | null
  changes: unknown
  ip: string | null
  user_agent: string | null
  request_id: string | null
  created_at: string
  /** Hash chain: this entry's hash covers its content and the previous entry's hash. */
  prev_hash?: string | null
  hash?: string | null
}

export const AUDIT_PAGE_SIZE = 50

export const getAuditLogs = (filters: AuditFilters, cursor: string | null, signal?: AbortSignal) =>
  http.get<ListEnvelope<AuditEntry>>('/api/v1/audit-logs', {
    query: { ...filters, limit: AUDIT_PAGE_SIZE, cursor },
    signal,
  })

export const auditLogsQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit-logs', filters],
    queryFn: ({ pageParam, signal }) => getAuditLogs(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

export const useAuditLogs = (filters: AuditFilters) => useInfiniteQuery(auditLogsQueryOptions(filters))

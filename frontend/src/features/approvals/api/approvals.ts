import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, compact, dataOf, type Refine, type Schemas, unwrap } from '@/lib/api-client'
import { isApiError } from '@/lib/http'
import { agentKeys, approvalKeys, runKeys } from '@/lib/query-keys'

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired'
export type Approval = Refine<
  Schemas['ApprovalResponse'],
  {
    status: ApprovalStatus
    action: Record<string, unknown>
    approvers: string[]
    policy_name: string | null
    run_id: string | null
    decided_by: string | null
    decided_at: string | null
    comment: string | null
  }
>
type ApprovalPage = { data: Approval[]; page: Schemas['PageInfo'] }

export const APPROVALS_PAGE_SIZE = 25
/** The queue is also polled, so it stays right without the live stream (and expiries show up). */
const QUEUE_POLL_MS = 30_000

export const usePendingApprovals = () =>
  useInfiniteQuery({
    queryKey: approvalKeys.pending(),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/approvals/pending', { params: { query: { limit: APPROVALS_PAGE_SIZE, cursor: pageParam ?? undefined } }, signal }),
      ) as Promise<ApprovalPage>,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
    refetchInterval: QUEUE_POLL_MS,
  })

export const approvalHistoryQueryOptions = (status: ApprovalStatus | '') =>
  infiniteQueryOptions({
    queryKey: approvalKeys.history({ status }),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/approvals', {
          params: { query: { ...compact({ status }), limit: APPROVALS_PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ) as Promise<ApprovalPage>,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

export const useApprovalHistory = (status: ApprovalStatus | '') => useInfiniteQuery(approvalHistoryQueryOptions(status))

/**
 * The run page of an approval: the approval names the client's run id (the check may come before the run is
 * ingested), the run page wants the run's UUID, so it is looked up by `external_reference`. Null while unknown.
 */
export const useRunOfApproval = (runReference: string | null) =>
  useQuery({
    queryKey: [...runKeys.all, 'by-reference', runReference ?? ''],
    queryFn: ({ signal }) =>
      dataOf(api.GET('/api/v1/runs', { params: { query: { external_reference: runReference ?? undefined, limit: 1 } }, signal })).then(
        (runs) => (runs[0]?.id as string | undefined) ?? null,
      ),
    enabled: Boolean(runReference),
    staleTime: 60_000,
  })

export type Decision = 'approve' | 'reject'

export const decideApproval = ({ id, decision, comment }: { id: string; decision: Decision; comment: string }) => {
  const body = { comment: comment.trim() || null }
  const call =
    decision === 'approve'
      ? api.POST('/api/v1/approvals/{id}/approve', { params: { path: { id } }, body })
      : api.POST('/api/v1/approvals/{id}/reject', { params: { path: { id } }, body })
  return dataOf(call) as Promise<Approval>
}

/** A decision, or a refusal that means the list is stale (decided elsewhere, expired): either way, refetch it. */
export function useDecideApproval(options: { onSuccess?: (approval: Approval) => void; onError?: (error: unknown) => void } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: decideApproval,
    onSuccess: (approval) => {
      void queryClient.invalidateQueries({ queryKey: approvalKeys.all })
      options.onSuccess?.(approval)
    },
    onError: (error) => {
      options.onError?.(error)
      if (isApiError(error, 'already_decided') || isApiError(error, 'approval_expired')) {
        void queryClient.invalidateQueries({ queryKey: approvalKeys.all })
      }
    },
  })
}

/** Agent names for the queue's links (features do not share code: a small list of its own, cached a minute). */
export const useAgentNames = () =>
  useQuery({
    queryKey: [...agentKeys.all, 'names'],
    queryFn: ({ signal }) =>
      dataOf(api.GET('/api/v1/agents', { params: { query: { limit: 200 } }, signal })).then(
        (agents) => new Map(agents.map((agent) => [agent.id as string, agent.name])),
      ),
    staleTime: 60_000,
  })

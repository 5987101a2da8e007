import { queryOptions, useQuery } from '@tanstack/react-query'
import { CONTROL_ACTIONS, type ControlHistoryEntry, mergeControlHistory } from '@/features/controls/lib/controls'
import { api, unwrap } from '@/lib/api-client'
import { controlKeys } from '@/lib/query-keys'

export const HISTORY_SIZE = 20

/**
 * The latest pauses, resumes, halts and releases from the audit log (audit:read, admins). Its `action` filter
 * takes one action, so this asks once per action and merges.
 */
export async function getControlHistory(signal?: AbortSignal): Promise<ControlHistoryEntry[]> {
  const pages = await Promise.all(
    CONTROL_ACTIONS.map((action) =>
      unwrap(api.GET('/api/v1/audit-logs', { params: { query: { action, limit: HISTORY_SIZE } }, signal })).then(
        (page) => page.data as ControlHistoryEntry[],
      ),
    ),
  )
  return mergeControlHistory(pages, HISTORY_SIZE)
}

export const controlHistoryQueryOptions = () =>
  queryOptions({
    queryKey: controlKeys.history(),
    queryFn: ({ signal }) => getControlHistory(signal),
  })

export const useControlHistory = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...controlHistoryQueryOptions(), enabled })

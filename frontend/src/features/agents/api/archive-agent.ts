import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '@/lib/http'
import { agentKeys, dashboardKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

/** DELETE /agents/{id} archives: the agent and its runs stay readable, it takes no new runs. */
export const archiveAgent = (id: string): Promise<void> => http.delete(`/api/v1/agents/${encodeURIComponent(id)}`)

export function useArchiveAgent(config?: MutationConfig<typeof archiveAgent>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: archiveAgent,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: agentKeys.all })
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all })
      return config?.onSuccess?.(...args)
    },
  })
}

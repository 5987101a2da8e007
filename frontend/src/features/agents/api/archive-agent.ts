import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@/lib/api-client'
import { agentKeys, dashboardKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

/** DELETE /agents/{id} archives: the agent and its runs stay readable, it takes no new runs. */
export const archiveAgent = (id: string): Promise<void> =>
  unwrap(api.DELETE('/api/v1/agents/{id}', { params: { path: { id } } })).then(() => undefined)

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

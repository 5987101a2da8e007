import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, dataOf } from '@/lib/api-client'
import { agentKeys, controlKeys, dashboardKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

export type AgentControlInput = { agentId: string; reason: string }

/** POST /controls/pause-agent/{id} (controls:pause): ingest and policy checks refuse the agent within a second. */
export const pauseAgent = ({ agentId, reason }: AgentControlInput) =>
  dataOf(api.POST('/api/v1/controls/pause-agent/{id}', { params: { path: { id: agentId } }, body: { reason: reason.trim() } }))

export function usePauseAgent(config?: MutationConfig<typeof pauseAgent>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: pauseAgent,
    onSuccess: (...args) => {
      for (const queryKey of [controlKeys.all, agentKeys.all, dashboardKeys.all]) void queryClient.invalidateQueries({ queryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

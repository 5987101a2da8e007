import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AgentControlInput } from '@/features/agents/api/pause-agent'
import { api, dataOf } from '@/lib/api-client'
import { agentKeys, controlKeys, dashboardKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

/** POST /controls/resume-agent/{id}; 409 `org_halted` for an agent the engaged kill switch paused. */
export const resumeAgent = ({ agentId, reason }: AgentControlInput) =>
  dataOf(api.POST('/api/v1/controls/resume-agent/{id}', { params: { path: { id: agentId } }, body: { reason: reason.trim() } }))

export function useResumeAgent(config?: MutationConfig<typeof resumeAgent>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: resumeAgent,
    onSuccess: (...args) => {
      for (const queryKey of [controlKeys.all, agentKeys.all, dashboardKeys.all]) void queryClient.invalidateQueries({ queryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

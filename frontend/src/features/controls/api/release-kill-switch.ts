import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, dataOf } from '@/lib/api-client'
import { agentKeys, controlKeys, dashboardKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

/** POST /controls/kill-switch/release (admins): resumes exactly the agents the kill switch paused. */
export const releaseKillSwitch = (reason: string) =>
  dataOf(api.POST('/api/v1/controls/kill-switch/release', { body: { reason: reason.trim() } }))

export function useReleaseKillSwitch(config?: MutationConfig<typeof releaseKillSwitch>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: releaseKillSwitch,
    onSuccess: (...args) => {
      queryClient.setQueryData(controlKeys.status(), args[0])
      for (const queryKey of [controlKeys.all, agentKeys.all, dashboardKeys.all]) void queryClient.invalidateQueries({ queryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, dataOf } from '@/lib/api-client'
import { agentKeys, controlKeys, dashboardKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

export type KillSwitchInput = { reason: string; confirm: string }

/** POST /controls/kill-switch (admins): every agent paused at once; 400 `confirmation_mismatch` for a wrong name. */
export const engageKillSwitch = ({ reason, confirm }: KillSwitchInput) =>
  dataOf(api.POST('/api/v1/controls/kill-switch', { body: { reason: reason.trim(), confirm: confirm.trim() } }))

export function useEngageKillSwitch(config?: MutationConfig<typeof engageKillSwitch>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: engageKillSwitch,
    onSuccess: (...args) => {
      // the banner shows at once, without waiting for the refetch
      queryClient.setQueryData(controlKeys.status(), args[0])
      for (const queryKey of [controlKeys.all, agentKeys.all, dashboardKeys.all]) void queryClient.invalidateQueries({ queryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

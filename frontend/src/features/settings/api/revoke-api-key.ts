import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiKeysQueryKey } from '@/features/settings/api/get-api-keys'
import { api, unwrap } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

/** DELETE /api-keys/{id}: the key stops working at once; the list keeps it as revoked. */
export const revokeApiKey = (id: string): Promise<void> =>
  unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })).then(() => undefined)

export function useRevokeApiKey(config?: MutationConfig<typeof revokeApiKey>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: revokeApiKey,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: apiKeysQueryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

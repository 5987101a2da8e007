import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiKeysQueryKey } from '@/features/settings/api/get-api-keys'
import type { ApiKeyScope } from '@/lib/closed-sets'
import { api, dataOf, type Refine, type Schemas } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

export type CreateApiKeyInput = Refine<Schemas['ApiKeyCreateRequest'], { scopes: ApiKeyScope[] }>

/** The answer of a creation: the only time the full key (`aoh_...`) is ever sent. */
export type CreatedApiKey = Refine<Schemas['ApiKeyCreatedResponse'], { expires_at: string | null }>

export const createApiKey = (input: CreateApiKeyInput): Promise<CreatedApiKey> =>
  dataOf(api.POST('/api/v1/api-keys', { body: input }))

export function useCreateApiKey(config?: MutationConfig<typeof createApiKey>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: createApiKey,
    // the secret must not linger in the mutation cache once the dialog is closed
    gcTime: 0,
    onSuccess: (...args) => {
      // refetch instead of inserting the answer: the list's cache never holds a key
      void queryClient.invalidateQueries({ queryKey: apiKeysQueryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

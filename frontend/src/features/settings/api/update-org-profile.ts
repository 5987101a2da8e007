import { useMutation, useQueryClient } from '@tanstack/react-query'
import { orgProfileQueryKey } from '@/features/settings/api/get-org-profile'
import { type Me, meQueryKey, type Organization } from '@/lib/auth'
import { api, dataOf, type Schemas } from '@/lib/api-client'
import type { MutationConfig } from '@/lib/react-query'

type UpdateRequest = Schemas['OrganizationUpdateRequest']

/**
 * Only the fields to change; `logo_url: ''` removes the logo. `plan` is not among them: users cannot change it (the
 * API ignores it).
 */
export type OrgProfileUpdate = { [K in keyof UpdateRequest]?: NonNullable<UpdateRequest[K]> }

/** PATCH /orgs/profile (org:update). */
export const updateOrgProfile = (changes: OrgProfileUpdate): Promise<Organization> =>
  dataOf(api.PATCH('/api/v1/orgs/profile', { body: changes })) as Promise<Organization>

export function useUpdateOrgProfile(config?: MutationConfig<typeof updateOrgProfile>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: updateOrgProfile,
    onSuccess: (organization, ...rest) => {
      queryClient.setQueryData(orgProfileQueryKey, organization)
      // the header shows the organization's name: update it at once
      queryClient.setQueryData<Me>(meQueryKey, (me) => me && { ...me, organization: { ...me.organization, ...organization } })
      return config?.onSuccess?.(organization, ...rest)
    },
  })
}

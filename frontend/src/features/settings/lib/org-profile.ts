import type { OrgProfileUpdate } from '@/features/settings/api/update-org-profile'
import type { Organization } from '@/lib/auth'
import type { Plan } from '@/lib/closed-sets'
import type { FieldErrors } from '@/lib/forms'

export type OrgField = 'name' | 'logo_url' | 'plan'
export type OrgValues = Record<OrgField, string>

export function validateOrgProfile(values: OrgValues): FieldErrors<OrgField> {
  const errors: FieldErrors<OrgField> = {}
  if (!values.name.trim()) errors.name = 'Enter the organization name.'
  else if (values.name.trim().length > 200) errors.name = 'Use at most 200 characters.'
  const logo = values.logo_url.trim()
  if (logo && !/^https?:\/\/\S+$/i.test(logo)) errors.logo_url = 'Use an http(s):// address of an image, or leave it empty.'
  return errors
}

/** Only what changed, so a PATCH never overwrites what someone else just saved. */
export function orgChanges(organization: Organization, values: OrgValues): OrgProfileUpdate {
  const changes: OrgProfileUpdate = {}
  if (values.name.trim() !== organization.name) changes.name = values.name.trim()
  // an empty string clears the logo (null would mean "leave it" in a PATCH)
  const logo = values.logo_url.trim()
  if (logo !== (organization.logo_url ?? '')) changes.logo_url = logo
  if (values.plan !== organization.plan) changes.plan = values.plan as Plan
  return changes
}

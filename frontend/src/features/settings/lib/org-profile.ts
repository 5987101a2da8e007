import type { OrgProfileUpdate } from '@/features/settings/api/update-org-profile'
import type { Organization } from '@/lib/auth'
import type { FieldErrors } from '@/lib/forms'

export type OrgField = 'name' | 'logo_url' | 'timezone'
export type OrgValues = Record<OrgField, string>

export function validateOrgProfile(values: OrgValues): FieldErrors<OrgField> {
  const errors: FieldErrors<OrgField> = {}
  if (!values.name.trim()) errors.name = 'Enter the organization name.'
  else if (values.name.trim().length > 200) errors.name = 'Use at most 200 characters.'
  const logo = values.logo_url.trim()
  if (logo && !/^https?:\/\/\S+$/i.test(logo)) errors.logo_url = 'Use an http(s):// address of an image, or leave it empty.'
  const timezone = values.timezone.trim()
  if (!timezone) errors.timezone = 'Enter a time zone, e.g. Europe/Paris.'
  else if (!isTimeZone(timezone)) errors.timezone = 'Use an IANA time zone name, e.g. Europe/Paris or America/New_York.'
  return errors
}

/** Whether the browser knows `name` as an IANA time zone (the API checks again). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The IANA names the browser knows, for suggestions; empty where the browser cannot list them. */
export function timeZoneNames(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] }
  try {
    return intl.supportedValuesOf?.('timeZone') ?? []
  } catch {
    return []
  }
}

/** Only what changed, so a PATCH never overwrites what someone else just saved. */
export function orgChanges(organization: Organization, values: OrgValues): OrgProfileUpdate {
  const changes: OrgProfileUpdate = {}
  if (values.name.trim() !== organization.name) changes.name = values.name.trim()
  // an empty string clears the logo (null would mean "leave it" in a PATCH)
  const logo = values.logo_url.trim()
  if (logo !== (organization.logo_url ?? '')) changes.logo_url = logo
  const timezone = values.timezone.trim()
  if (timezone !== organization.timezone) changes.timezone = timezone
  return changes
}

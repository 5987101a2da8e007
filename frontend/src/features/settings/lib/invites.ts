import type { Invite } from '@/features/settings/api/invite-member'

/**
 * The link to share by hand: only when the server has no e-mail delivery (development outbox). Otherwise the API
 * answers `invite_url: null` and the link goes to the invitee by e-mail only.
 */
export const inviteLinkOf = (invite: Pick<Invite, 'invite_url'>): string | null => invite.invite_url?.trim() || null

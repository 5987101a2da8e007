import { UserPlus, Users } from 'lucide-react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { NoAccess, Section } from '@/components/ui/section'
import { Spinner } from '@/components/ui/spinner'
import { useMembers } from '@/features/settings/api/get-members'
import { InviteMemberDialog } from '@/features/settings/components/invite-member-dialog'
import { MembersTable } from '@/features/settings/components/members-table'
import { useMe } from '@/lib/auth'
import { Can, useCan } from '@/lib/authorization'

function Members({ onInvite }: { onInvite: () => void }) {
  const me = useMe()
  const canManage = useCan('members:manage')
  const members = useMembers()
  if (members.isPending) return <Spinner label="Loading members" />
  if (members.isError) return <QueryError error={members.error} onRetry={() => void members.refetch()} />
  const rows = members.data.pages.flatMap((page) => page.data)
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<Users aria-hidden className="size-5" />}
        title="No members yet"
        description="Invite the people who run or watch your agents."
        action={canManage && <Button onClick={onInvite}>Invite a member</Button>}
      />
    )
  }
  return (
    <div className="space-y-3">
      <MembersTable members={rows} currentUserId={me.user.id} canManage={canManage} />
      {members.isFetchNextPageError && <p className="text-sm text-red-600">Could not load more members.</p>}
      {members.hasNextPage && (
        <Button variant="secondary" onClick={() => void members.fetchNextPage()} disabled={members.isFetchingNextPage}>
          {members.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      )}
    </div>
  )
}

export default function SettingsMembersRoute() {
  const [inviting, setInviting] = useState(false)
  const allowed = useCan('members:read')
  return (
    <Section
      title="Members"
      description="Who belongs to this organization, with which role and teams."
      actions={
        <Can permission="members:manage">
          <Button onClick={() => setInviting(true)}>
            <UserPlus aria-hidden className="size-4" /> Invite
          </Button>
        </Can>
      }
    >
      {allowed ? <Members onInvite={() => setInviting(true)} /> : <NoAccess what="the member list" />}
      <Can permission="members:manage">
        <InviteMemberDialog open={inviting} onClose={() => setInviting(false)} />
      </Can>
    </Section>
  )
}

import { Pencil, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { errorText, inputClasses } from '@/components/ui/form'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import { useToast } from '@/components/ui/toast'
import type { Member } from '@/features/settings/api/get-members'
import { useRemoveMember } from '@/features/settings/api/remove-member'
import { useUpdateMember } from '@/features/settings/api/update-member'
import { EditTeamsDialog } from '@/features/settings/components/edit-teams-dialog'
import { ROLE_LABELS } from '@/lib/auth'
import { ROLES, type Role } from '@/lib/closed-sets'
import { cn } from '@/lib/cn'
import { formatDate } from '@/lib/format'

function RoleSelect({ member }: { member: Member }) {
  const toast = useToast()
  const mutation = useUpdateMember({
    onSuccess: (saved) => toast.success(`${saved.full_name ?? saved.email} is now ${ROLE_LABELS[saved.role] ?? saved.role}.`),
    // e.g. 409 last_admin: the select shows the saved role again once the list is refetched
    onError: (error) => toast.error(errorText(error)),
  })
  const shown = (mutation.isPending ? mutation.variables?.role : undefined) ?? member.role
  return (
    <select
      aria-label={`Role of ${member.full_name ?? member.email}`}
      value={shown}
      disabled={mutation.isPending}
      onChange={(event) => mutation.mutate({ id: member.id, role: event.target.value as Role })}
      className={cn(inputClasses, 'w-auto py-1 pr-8')}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  )
}

type MembersTableProps = { members: Member[]; currentUserId: string; canManage: boolean }

export function MembersTable({ members, currentUserId, canManage }: MembersTableProps) {
  const toast = useToast()
  const [editing, setEditing] = useState<Member | null>(null)
  const [removing, setRemoving] = useState<Member | null>(null)
  const remove = useRemoveMember({
    onSuccess: () => {
      toast.success(removing?.status === 'invited' ? 'Invitation withdrawn.' : 'Member removed.')
      setRemoving(null)
    },
  })
  const closeRemove = () => {
    setRemoving(null)
    remove.reset()
  }

  return (
    <>
      <Table label="Members">
        <thead>
          <tr>
            <th className={thClasses}>Member</th>
            <th className={thClasses}>Role</th>
            <th className={thClasses}>Teams</th>
            <th className={thClasses}>Status</th>
            <th className={thClasses}>Since</th>
            {canManage && (
              <th className={thClasses}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const isMe = member.user_id !== null && member.user_id === currentUserId
            const name = member.full_name ?? member.email
            return (
              <tr key={member.id} data-member-email={member.email}>
                <td className={tdClasses}>
                  <div className="flex items-center gap-2">
                    <span className="font-medium text-zinc-900">{member.full_name ?? <span className="text-zinc-400">Not joined yet</span>}</span>
                    {isMe && <Badge tone="accent">You</Badge>}
                  </div>
                  <div className="text-xs text-zinc-500">{member.email}</div>
                </td>
                <td className={tdClasses}>{canManage ? <RoleSelect member={member} /> : (ROLE_LABELS[member.role] ?? member.role)}</td>
                <td className={tdClasses}>
                  <div className="flex flex-wrap items-center gap-1">
                    {member.teams.length === 0 && <span className="text-zinc-400">—</span>}
                    {member.teams.map((team) => (
                      <Badge key={team}>{team}</Badge>
                    ))}
                    {canManage && (
                      <button
                        type="button"
                        onClick={() => setEditing(member)}
                        aria-label={`Edit teams of ${name}`}
                        className="rounded p-1 text-zinc-400 outline-none hover:bg-zinc-100 hover:text-zinc-700 focus-visible:ring-2 focus-visible:ring-accent-500"
                      >
                        <Pencil aria-hidden className="size-3.5" />
                      </button>
                    )}
                  </div>
                </td>
                <td className={tdClasses}>
                  {member.status === 'invited' ? <Badge tone="warning">Invited</Badge> : <Badge tone="success">Active</Badge>}
                </td>
                <td className={cn(tdClasses, 'whitespace-nowrap')}>{formatDate(member.created_at)}</td>
                {canManage && (
                  <td className={cn(tdClasses, 'text-right')}>
                    <Button variant="ghost" onClick={() => setRemoving(member)} aria-label={`Remove ${name}`}>
                      <Trash2 aria-hidden className="size-4" />
                      <span className="hidden sm:inline">{member.status === 'invited' ? 'Withdraw' : 'Remove'}</span>
                    </Button>
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </Table>
      <EditTeamsDialog member={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={removing !== null}
        title={removing?.status === 'invited' ? 'Withdraw the invitation?' : 'Remove this member?'}
        description={
          removing?.status === 'invited'
            ? `The invitation link sent to ${removing.email} stops working.`
            : `${removing?.full_name ?? removing?.email} loses access to this organization at once.`
        }
        confirmLabel={removing?.status === 'invited' ? 'Withdraw invitation' : 'Remove member'}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={closeRemove}
      />
    </>
  )
}

import { MailPlus } from 'lucide-react'
import { useRef, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { CopyField } from '@/components/ui/copy-button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { FormError, SelectField, TextField } from '@/components/ui/form'
import { useInviteMember } from '@/features/settings/api/invite-member'
import { inviteLinkOf } from '@/features/settings/lib/invites'
import { parseTeams } from '@/features/settings/lib/teams'
import { ROLE_LABELS } from '@/lib/auth'
import { ROLES, type Role } from '@/lib/closed-sets'
import { formatDateTime } from '@/lib/format'
import { emailProblem, type FieldErrors, focusFirstInvalid } from '@/lib/forms'
import { fieldErrorsOf } from '@/lib/http'

type Field = 'email' | 'role' | 'teams'

export const ROLE_HINTS: Record<Role, string> = {
  admin: 'Everything, including members, API keys and billing.',
  team_lead: 'Manages agents, budgets and policies; decides approvals.',
  member: 'Works with agents and runs.',
  viewer: 'Reads dashboards, runs and costs; changes nothing.',
}

function InviteForm({ onClose }: { onClose: () => void }) {
  const formRef = useRef<HTMLFormElement>(null)
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('member')
  const [teams, setTeams] = useState('')
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [other, setOther] = useState<string[]>([])
  const mutation = useInviteMember({
    onError: (error) => {
      const mapped = fieldErrorsOf(error, ['email', 'role', 'teams'])
      setErrors(mapped.fields)
      setOther(mapped.other)
    },
  })

  if (mutation.data) {
    const invite = mutation.data
    const link = inviteLinkOf(invite)
    return (
      <div className="space-y-4">
        {link ? (
          <>
            <p role="status" className="text-sm text-zinc-700">
              We invited <strong className="font-medium">{invite.email}</strong> as {ROLE_LABELS[invite.role] ?? invite.role}.
              This server sends no e-mail, so share this link with them:
            </p>
            <CopyField value={link} label="Invite link" copyLabel="Copy link" />
            <p className="text-xs text-zinc-500">
              The link works once and expires {formatDateTime(invite.invite_expires_at)}. Anyone with it can join, so
              share it only with {invite.email}.
            </p>
          </>
        ) : (
          <>
            <p role="status" className="text-sm text-zinc-700">
              Invitation e-mailed to <strong className="font-medium">{invite.email}</strong> as{' '}
              {ROLE_LABELS[invite.role] ?? invite.role}.
            </p>
            <p className="text-xs text-zinc-500">The link in it expires {formatDateTime(invite.invite_expires_at)}.</p>
          </>
        )}
        <DialogActions>
          <Button onClick={onClose}>Done</Button>
        </DialogActions>
      </div>
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = emailProblem(email)
    setErrors({ email: problem })
    setOther([])
    if (problem) return focusFirstInvalid(formRef.current)
    mutation.mutate({ email: email.trim(), role, teams: parseTeams(teams) })
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={mutation.error} extra={other} />
      <TextField label="E-mail" name="email" type="email" autoComplete="off" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
      <SelectField label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} error={errors.role} hint={ROLE_HINTS[role]}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Teams"
        name="teams"
        placeholder="platform, data"
        value={teams}
        onChange={(e) => setTeams(e.target.value)}
        error={errors.teams}
        hint="Optional. Separate teams with commas."
      />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={mutation.isPending}>
          <MailPlus aria-hidden className="size-4" />
          {mutation.isPending ? 'Inviting…' : 'Send invitation'}
        </Button>
      </DialogActions>
    </form>
  )
}

export function InviteMemberDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Invite a member" description="They get an e-mail with a link to join.">
      <InviteForm onClose={onClose} />
    </Dialog>
  )
}

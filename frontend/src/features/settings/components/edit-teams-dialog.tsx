import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { FormError, TextField } from '@/components/ui/form'
import type { Member } from '@/features/settings/api/get-members'
import { useUpdateMember } from '@/features/settings/api/update-member'
import { formatTeams, parseTeams } from '@/features/settings/lib/teams'
import { fieldErrorsOf } from '@/lib/http'

function TeamsForm({ member, onClose }: { member: Member; onClose: () => void }) {
  const [teams, setTeams] = useState(formatTeams(member.teams))
  const mutation = useUpdateMember({ onSuccess: onClose })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    mutation.mutate({ id: member.id, teams: parseTeams(teams) })
  }
  const mapped = fieldErrorsOf(mutation.error, ['teams'])
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <FormError error={mapped.fields.teams ? undefined : mutation.error} extra={mapped.other} />
      <TextField
        label="Teams"
        name="teams"
        autoFocus
        placeholder="platform, data"
        value={teams}
        onChange={(e) => setTeams(e.target.value)}
        error={mapped.fields.teams}
        hint="Separate teams with commas. Leave empty for no team."
      />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : 'Save teams'}
        </Button>
      </DialogActions>
    </form>
  )
}

export function EditTeamsDialog({ member, onClose }: { member: Member | null; onClose: () => void }) {
  return (
    <Dialog open={member !== null} onClose={onClose} title="Teams" description={member ? `Teams of ${member.full_name ?? member.email}.` : undefined}>
      {member && <TeamsForm member={member} onClose={onClose} />}
    </Dialog>
  )
}

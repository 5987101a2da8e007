import { Ban } from 'lucide-react'
import { useState } from 'react'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import { useToast } from '@/components/ui/toast'
import type { ApiKey } from '@/features/settings/api/get-api-keys'
import { useRevokeApiKey } from '@/features/settings/api/revoke-api-key'
import { apiKeyStatus, type ApiKeyStatus } from '@/features/settings/lib/api-keys'
import { cn } from '@/lib/cn'
import { formatDate, formatRelative } from '@/lib/format'

const statusTones: Record<ApiKeyStatus, BadgeTone> = { active: 'success', revoked: 'danger', expired: 'neutral' }

export function ApiKeysTable({ keys, canManage }: { keys: ApiKey[]; canManage: boolean }) {
  const toast = useToast()
  const [revoking, setRevoking] = useState<ApiKey | null>(null)
  const revoke = useRevokeApiKey({
    onSuccess: () => {
      toast.success(`Key "${revoking?.name}" revoked.`)
      setRevoking(null)
    },
  })
  const now = Date.now()

  return (
    <>
      <Table label="API keys">
        <thead>
          <tr>
            <th className={thClasses}>Name</th>
            <th className={thClasses}>Key</th>
            <th className={thClasses}>Scopes</th>
            <th className={thClasses}>Created</th>
            <th className={thClasses}>Expires</th>
            <th className={thClasses}>Last used</th>
            <th className={thClasses}>Status</th>
            {canManage && (
              <th className={thClasses}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const status = apiKeyStatus(key, now)
            return (
              <tr key={key.id} data-key-id={key.id} className={cn(status !== 'active' && 'text-zinc-400')}>
                <td className={cn(tdClasses, 'font-medium text-zinc-900')}>{key.name}</td>
                <td className={tdClasses}>
                  <code className="font-mono text-xs">{key.prefix}…</code>
                </td>
                <td className={tdClasses}>
                  <div className="flex flex-wrap gap-1">
                    {key.scopes.map((scope) => (
                      <Badge key={scope} className="font-mono">
                        {scope}
                      </Badge>
                    ))}
                  </div>
                </td>
                <td className={cn(tdClasses, 'whitespace-nowrap')}>{formatDate(key.created_at)}</td>
                <td className={cn(tdClasses, 'whitespace-nowrap')}>{key.expires_at ? formatDate(key.expires_at) : 'Never'}</td>
                <td className={cn(tdClasses, 'whitespace-nowrap')}>{key.last_used_at ? formatRelative(key.last_used_at, now) : 'Never'}</td>
                <td className={tdClasses}>
                  <Badge tone={statusTones[status]}>{status}</Badge>
                </td>
                {canManage && (
                  <td className={cn(tdClasses, 'text-right')}>
                    {status !== 'revoked' && (
                      <Button variant="ghost" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
                        <Ban aria-hidden className="size-4" />
                        <span className="hidden sm:inline">Revoke</span>
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </Table>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this key?"
        description={`Everything that uses "${revoking?.name}" (${revoking?.prefix}…) is refused from now on. This cannot be undone.`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => {
          setRevoking(null)
          revoke.reset()
        }}
      />
    </>
  )
}

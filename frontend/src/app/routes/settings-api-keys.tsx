import { KeyRound, Plus } from 'lucide-react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { NoAccess, Section } from '@/components/ui/section'
import { Spinner } from '@/components/ui/spinner'
import { useApiKeys } from '@/features/settings/api/get-api-keys'
import { ApiKeysTable } from '@/features/settings/components/api-keys-table'
import { CreateApiKeyDialog } from '@/features/settings/components/create-api-key-dialog'
import { Can, useCan } from '@/lib/authorization'

function ApiKeys({ onCreate }: { onCreate: () => void }) {
  const canManage = useCan('api_keys:manage')
  const keys = useApiKeys()
  if (keys.isPending) return <Spinner label="Loading API keys" />
  if (keys.isError) return <QueryError error={keys.error} onRetry={() => void keys.refetch()} />
  const rows = keys.data.pages.flatMap((page) => page.data)
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<KeyRound aria-hidden className="size-5" />}
        title="No API keys yet"
        description="Generate a key with the ingest scope and give it to the SDK to start sending runs."
        action={canManage && <Button onClick={onCreate}>Generate a key</Button>}
      />
    )
  }
  return (
    <div className="space-y-3">
      <ApiKeysTable keys={rows} canManage={canManage} />
      {keys.hasNextPage && (
        <Button variant="secondary" onClick={() => void keys.fetchNextPage()} disabled={keys.isFetchingNextPage}>
          {keys.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      )}
    </div>
  )
}

export default function SettingsApiKeysRoute() {
  const [creating, setCreating] = useState(false)
  return (
    <Section
      title="API keys"
      description="Keys for agents and SDKs (AGENTOPS_API_KEY). A key is shown once, when it is generated."
      actions={
        <Can permission="api_keys:manage">
          <Button onClick={() => setCreating(true)}>
            <Plus aria-hidden className="size-4" /> Generate key
          </Button>
        </Can>
      }
    >
      {useCan('api_keys:read') ? <ApiKeys onCreate={() => setCreating(true)} /> : <NoAccess what="API keys" />}
      <Can permission="api_keys:manage">
        <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
      </Can>
    </Section>
  )
}

import { Plus, Webhook } from 'lucide-react'
import { type ReactNode, useState } from 'react'
import { ButtonWithHint } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { NoAccess, Section } from '@/components/ui/section'
import { Spinner } from '@/components/ui/spinner'
import { useWebhooks } from '@/features/webhooks/api/webhooks'
import { CreateWebhookDialog } from '@/features/webhooks/components/create-webhook-dialog'
import { WebhooksList } from '@/features/webhooks/components/webhooks-list'
import { MAX_ENDPOINTS } from '@/features/webhooks/lib/webhooks'
import { useCan } from '@/lib/authorization'

function Webhooks({ createButton }: { createButton: ReactNode }) {
  const webhooks = useWebhooks()
  if (webhooks.isPending) return <Spinner label="Loading the webhooks" />
  if (webhooks.isError) return <QueryError error={webhooks.error} onRetry={() => void webhooks.refetch()} title="Could not load the webhooks" />
  if (webhooks.data.length === 0) {
    return (
      <EmptyState
        icon={<Webhook aria-hidden className="size-5" />}
        title="No webhook endpoints yet"
        description="Send budget alerts to your own service or a Slack channel. Each delivery is signed and retried for 24 hours."
        action={createButton}
      />
    )
  }
  return <WebhooksList webhooks={webhooks.data} />
}

export default function SettingsWebhooksRoute() {
  const canManage = useCan('webhooks:manage')
  const [creating, setCreating] = useState(false)
  // shared with the list below (same query); never asked for by other roles, who would get 403
  const webhooks = useWebhooks(canManage)
  const full = (webhooks.data?.length ?? 0) >= MAX_ENDPOINTS
  const createButton = (
    <ButtonWithHint hint={full ? `At most ${MAX_ENDPOINTS} endpoints per organization: delete one first.` : null} onClick={() => setCreating(true)}>
      <Plus aria-hidden className="size-4" /> New endpoint
    </ButtonWithHint>
  )
  if (!canManage) {
    return (
      <Section title="Webhooks">
        <NoAccess what="webhooks (they are for admins)" />
      </Section>
    )
  }
  return (
    <Section title="Webhooks" description="Budget alerts POSTed to your endpoints, signed with HMAC-SHA256 (AgentOps-Signature header)." actions={createButton}>
      <Webhooks createButton={createButton} />
      <CreateWebhookDialog open={creating} onClose={() => setCreating(false)} />
    </Section>
  )
}

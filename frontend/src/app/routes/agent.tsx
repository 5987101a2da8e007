import { ArrowLeft } from 'lucide-react'
import { Link, useParams } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function AgentRoute() {
  const { agentId = '' } = useParams()
  return (
    <ContentLayout
      title="Agent"
      eyebrow={
        <Link to="/agents" className="inline-flex items-center gap-1 hover:text-zinc-900">
          <ArrowLeft aria-hidden className="size-3.5" /> Agents
        </Link>
      }
      description={
        <>
          Id <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700">{agentId}</code>
        </>
      }
    >
      <EmptyState
        icon={<NavIcon name="agents" className="size-5" />}
        title="Agent details come here"
        description="This agent's status, recent runs, spend and controls will show here."
      />
    </ContentLayout>
  )
}

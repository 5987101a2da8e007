import { ArrowLeft } from 'lucide-react'
import { Link, useParams } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { EmptyState } from '@/components/ui/empty-state'

export default function RunRoute() {
  const { runId = '' } = useParams()
  return (
    <ContentLayout
      title="Run"
      eyebrow={
        <Link to="/runs" className="inline-flex items-center gap-1 hover:text-zinc-900">
          <ArrowLeft aria-hidden className="size-3.5" /> Runs
        </Link>
      }
      description={
        <>
          Id <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700">{runId}</code>
        </>
      }
    >
      <EmptyState
        icon={<NavIcon name="runs" className="size-5" />}
        title="Run details come here"
        description="The timeline of this run (LLM calls, tool calls and external actions) with its cost will show here."
      />
    </ContentLayout>
  )
}

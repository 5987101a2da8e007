import { ContentLayout } from '@/components/layouts/content-layout'
import { NoAccess } from '@/components/ui/section'
import { LiveIndicator, RunBrowser } from '@/features/runs/components/run-browser'
import { useCan } from '@/lib/authorization'

export default function RunsRoute() {
  return (
    <ContentLayout title="Runs" description="Every run your agents report, newest first." actions={<LiveIndicator />}>
      {useCan('runs:read') ? <RunBrowser /> : <NoAccess what="runs" />}
    </ContentLayout>
  )
}

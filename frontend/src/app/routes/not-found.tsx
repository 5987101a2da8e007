import { SearchX } from 'lucide-react'
import { Link, useLocation } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'

export default function NotFoundRoute() {
  const { pathname } = useLocation()
  return (
    <ContentLayout title="Page not found">
      <EmptyState
        icon={<SearchX aria-hidden className="size-5" />}
        title="There is no page here"
        description={
          <>
            Nothing lives at <code className="font-mono text-xs text-zinc-700">{pathname}</code>. The link may be
            broken, or the page has moved.
          </>
        }
        action={
          <Link to="/dashboard" className={buttonClasses('secondary')}>
            Back to dashboard
          </Link>
        }
      />
    </ContentLayout>
  )
}

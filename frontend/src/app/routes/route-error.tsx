import { RotateCw, TriangleAlert } from 'lucide-react'
import { Link, useRouteError } from 'react-router'
import { describeError } from '@/components/errors/error-message'
import { buttonClasses, Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { cn } from '@/lib/cn'
import { useDocumentTitle } from '@/lib/use-document-title'

export function ErrorScreen({ error, fullPage = false }: { error: unknown; fullPage?: boolean }) {
  const view = describeError(error)
  useDocumentTitle(view.title)
  return (
    <div role="alert" className={cn(fullPage && 'flex min-h-dvh items-center justify-center p-6')}>
      <EmptyState
        className={cn(fullPage && 'w-full max-w-lg')}
        icon={<TriangleAlert aria-hidden className="size-5 text-amber-500" />}
        title={view.title}
        description={view.message}
        action={
          <div className="flex gap-2">
            {view.reload && (
              <Button onClick={() => window.location.reload()}>
                <RotateCw aria-hidden className="size-4" /> Reload
              </Button>
            )}
            {fullPage ? (
              <a href="/dashboard" className={buttonClasses('secondary')}>
                Go to dashboard
              </a>
            ) : (
              <Link to="/dashboard" className={buttonClasses('secondary')}>
                Go to dashboard
              </Link>
            )}
          </div>
        }
      />
    </div>
  )
}

/** A page failed: shown inside the layout. */
export function RouteError() {
  return <ErrorScreen error={useRouteError()} />
}

/** The layout itself failed: shown on its own. */
export function RootError() {
  return <ErrorScreen error={useRouteError()} fullPage />
}

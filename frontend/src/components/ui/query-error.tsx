import { RotateCw, TriangleAlert } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { errorText } from '@/components/ui/form'
import { ApiError } from '@/lib/http'

/** A failed load: what went wrong and a way to try again. */
export function QueryError({ error, onRetry, title = 'Could not load this' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const requestId = error instanceof ApiError ? error.requestId : null
  return (
    <div role="alert">
      <EmptyState
        icon={<TriangleAlert aria-hidden className="size-5 text-amber-500" />}
        title={title}
        description={
          <>
            {errorText(error)}
            {requestId && <span className="mt-1 block font-mono text-[11px] text-zinc-400">Request id {requestId}</span>}
          </>
        }
        action={
          onRetry && (
            <Button variant="secondary" onClick={onRetry}>
              <RotateCw aria-hidden className="size-4" /> Try again
            </Button>
          )
        }
      />
    </div>
  )
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { ErrorBoundary } from '@/components/errors/error-boundary'
import { ToastProvider } from '@/components/ui/toast'
import { ErrorScreen } from '@/app/routes/route-error'
import { AuthProvider } from '@/lib/auth'
import { ApiError } from '@/lib/http'

/** One retry for failures that may pass on a second try; a 4xx answer will not change. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false
  return failureCount < 1
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
    },
  })
}

/** The app's cache, passed in by <App> (route loaders prefetch into it), or one of its own (tests). */
export function AppProvider({ children, queryClient: given }: { children: ReactNode; queryClient?: QueryClient }) {
  const [queryClient] = useState(() => given ?? createQueryClient())
  return (
    <ErrorBoundary fallback={(error) => <ErrorScreen error={error} fullPage />}>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <ToastProvider>{children}</ToastProvider>
        </AuthProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  )
}

import { LogOut, RotateCw, TriangleAlert } from 'lucide-react'
import { Navigate, Outlet, useLocation } from 'react-router'
import { AppLayout } from '@/components/layouts/app-layout'
import { PublicLoading } from '@/components/layouts/public-layout'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { HaltBanner } from '@/features/controls/components/halt-banner'
import { NotificationBell } from '@/features/notifications/components/notification-bell'
import { errorText } from '@/components/ui/form'
import { Spinner } from '@/components/ui/spinner'
import { useAuth } from '@/lib/auth'
import { useLiveUpdates } from '@/lib/live-updates'
import { loginPath } from '@/lib/redirect'

function ShellLoading() {
  return (
    <AppLayout>
      <div className="flex justify-center py-24">
        <Spinner label="Loading page" />
      </div>
    </AppLayout>
  )
}

function AuthError() {
  const { error, retry, logout } = useAuth()
  return (
    <div role="alert" className="flex min-h-dvh items-center justify-center p-6">
      <EmptyState
        className="w-full max-w-lg"
        icon={<TriangleAlert aria-hidden className="size-5 text-amber-500" />}
        title="Could not load your account"
        description={errorText(error)}
        action={
          <div className="flex gap-2">
            <Button onClick={retry}>
              <RotateCw aria-hidden className="size-4" /> Try again
            </Button>
            <Button variant="secondary" onClick={() => void logout()}>
              <LogOut aria-hidden className="size-4" /> Log out
            </Button>
          </div>
        }
      />
    </div>
  )
}

/** Keeps lists, runs and dashboards fresh from the server's event stream; silent when there is none. */
function LiveUpdates() {
  useLiveUpdates()
  return null
}

/** Signed-in part of the app: without a session, off to /login?next=<here>. */
export function ProtectedApp() {
  const { status, endedBy } = useAuth()
  const location = useLocation()
  if (status === 'signed_out') return <Navigate to={endedBy === 'logout' ? '/login' : loginPath(location)} replace />
  if (status === 'error') return <AuthError />
  if (status === 'loading') return <PublicLoading />
  return (
    <>
      <LiveUpdates />
      <AppLayout banner={<HaltBanner />} headerActions={<NotificationBell />} />
    </>
  )
}

/** While the first lazy page loads: the shell for a known user, a plain spinner otherwise. */
export function ProtectedHydrateFallback() {
  return useAuth().status === 'signed_in' ? <ShellLoading /> : <PublicLoading />
}

/** Public pages (login, signup, reset, invitations) wait until a stored session has been tried. */
export function PublicApp() {
  return useAuth().restoring ? <PublicLoading /> : <Outlet />
}

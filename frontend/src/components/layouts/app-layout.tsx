import type { ReactNode } from 'react'
import { Link, Outlet, useNavigation } from 'react-router'
import { ApiStatus } from '@/components/layouts/api-status'
import { Logo } from '@/components/layouts/logo'
import { SidebarNav } from '@/components/layouts/sidebar-nav'
import { UserMenu } from '@/components/layouts/user-menu'
import { cn } from '@/lib/cn'
import { PRODUCT_NAME } from '@/lib/use-document-title'

/** Thin bar under the header while a route (its lazy chunk) loads. */
function NavigationProgress() {
  const loading = useNavigation().state !== 'idle'
  return (
    <div
      aria-hidden
      className={cn(
        'absolute inset-x-0 bottom-0 h-0.5 origin-left bg-accent-500 transition-transform duration-500 ease-out',
        loading ? 'scale-x-75' : 'scale-x-0 duration-0',
      )}
    />
  )
}

/**
 * Shell of every signed-in page: header, main navigation and the page. `children` replaces the outlet; `banner`
 * (the halt banner) runs across the top of every page, under the header; `headerActions` (the notification bell)
 * sit in the header before the user menu.
 */
export function AppLayout({ children, banner, headerActions }: { children?: ReactNode; banner?: ReactNode; headerActions?: ReactNode }) {
  return (
    <div className="min-h-dvh bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-4 border-b border-zinc-200 bg-white/90 px-4 backdrop-blur lg:px-5">
        <Link
          to="/dashboard"
          className="flex items-center gap-2.5 rounded-md text-[15px] font-semibold tracking-tight text-zinc-900 outline-none focus-visible:ring-2 focus-visible:ring-accent-500"
        >
          <Logo />
          <span>{PRODUCT_NAME}</span>
        </Link>
        <div className="flex min-w-0 items-center gap-3">
          <ApiStatus />
          {headerActions}
          <UserMenu />
        </div>
        <NavigationProgress />
      </header>
      {banner}
      <div className="md:flex">
        {/* the aside stretches to the page's full height so its background and border never stop; the
            navigation inside stays in view while the page scrolls */}
        <aside
          data-testid="sidebar"
          className="sticky top-14 z-20 shrink-0 border-b border-zinc-200 bg-zinc-50/95 backdrop-blur md:static md:min-h-[calc(100dvh-3.5rem)] md:w-16 md:self-stretch md:border-r md:border-b-0 lg:w-60"
        >
          <div className="md:sticky md:top-14 md:h-[calc(100dvh-3.5rem)]">
            <SidebarNav />
          </div>
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none md:px-8 md:py-8 lg:px-10">
          {children ?? <Outlet />}
        </main>
      </div>
    </div>
  )
}

import { NavLink, Outlet, useLocation } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { visibleSettingsItems } from '@/components/layouts/nav-items'
import { useMe } from '@/lib/auth'
import { cn } from '@/lib/cn'

/** /settings/*: one title, a sub-navigation (only the sections the user may open) and the section. */
export default function SettingsRoute() {
  const { permissions } = useMe()
  const { pathname } = useLocation()
  const items = visibleSettingsItems(permissions)
  const current = items.find((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
  return (
    <ContentLayout
      title="Settings"
      documentTitle={current ? `${current.label} · Settings` : 'Settings'}
      description="Your organization, its members, API keys and webhooks, and your own sign-in."
    >
      <nav aria-label="Settings" className="mb-6 overflow-x-auto border-b border-zinc-200">
        <ul className="flex gap-1">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                className={({ isActive }) =>
                  cn(
                    '-mb-px inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium outline-none transition-colors',
                    'focus-visible:ring-2 focus-visible:ring-accent-500',
                    isActive ? 'border-accent-600 text-zinc-900' : 'border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800',
                  )
                }
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </ContentLayout>
  )
}

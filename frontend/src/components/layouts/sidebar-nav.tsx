import { Link, useLocation } from 'react-router'
import { NavIcon } from '@/components/layouts/nav-icon'
import { activeNavItem, groupNavItems, visibleNavItems } from '@/components/layouts/nav-items'
import { useAuth } from '@/lib/auth'
import { cn } from '@/lib/cn'

/**
 * Main navigation. Below md: a scrollable row under the header. md: an icon rail (labels stay in the
 * accessibility tree and show as tooltips). lg and up: icons, labels and group headings.
 */
export function SidebarNav() {
  const { pathname } = useLocation()
  const visible = visibleNavItems(useAuth().me?.permissions ?? [])
  const active = activeNavItem(pathname, visible)

  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-2 py-2 md:h-full md:flex-col md:gap-0 md:overflow-y-auto md:px-2 md:py-4 lg:px-3">
      {groupNavItems(visible).map(({ group, items }) => (
        <div
          key={group}
          className={cn(
            'flex shrink-0 md:flex-col',
            group === 'Organization' ? 'md:mt-auto md:pt-4' : 'md:mb-5',
          )}
        >
          <h2 className="mb-1 hidden px-2.5 text-[11px] font-medium uppercase tracking-wider text-zinc-400 lg:block">
            {group}
          </h2>
          <ul className="flex gap-1 md:flex-col md:gap-0.5">
            {items.map((item) => {
              const current = item === active
              return (
                <li key={item.to}>
                  <Link
                    to={item.to}
                    aria-current={current ? 'page' : undefined}
                    title={item.label}
                    className={cn(
                      'group flex items-center gap-2.5 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium outline-none transition-colors',
                      'focus-visible:ring-2 focus-visible:ring-accent-500',
                      'md:justify-center md:px-0 md:py-2 lg:justify-start lg:px-2.5 lg:py-1.5',
                      current
                        ? 'bg-white text-zinc-900 shadow-sm ring-1 ring-zinc-200'
                        : 'text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900',
                    )}
                  >
                    <NavIcon
                      name={item.icon}
                      className={cn(
                        'size-4 shrink-0',
                        current ? 'text-accent-600' : 'text-zinc-400 group-hover:text-zinc-600',
                      )}
                    />
                    <span className="md:sr-only lg:not-sr-only">{item.label}</span>
                  </Link>
                </li>
              )
            })}
          </ul>
        </div>
      ))}
    </nav>
  )
}

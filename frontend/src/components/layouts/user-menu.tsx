import { ChevronDown, LogOut, ShieldCheck } from 'lucide-react'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Link } from 'react-router'
import { ROLE_LABELS, useAuth } from '@/lib/auth'
import { cn } from '@/lib/cn'

export function initialsOf(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return (email[0] ?? '?').toUpperCase()
  return (words.length === 1 ? words[0].slice(0, 2) : `${words[0][0]}${words[words.length - 1][0]}`).toUpperCase()
}

const itemClasses =
  'flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-700 outline-none hover:bg-zinc-100 focus-visible:bg-zinc-100 focus-visible:text-zinc-900'

/** The signed-in user (name, organization, role) and a menu with "Log out". */
export function UserMenu() {
  const { me, logout } = useAuth()
  const [open, setOpen] = useState(false)
  const [loggingOut, setLoggingOut] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  if (!me) return null

  const close = (focusButton: boolean) => {
    setOpen(false)
    if (focusButton) buttonRef.current?.focus()
  }

  const onMenuKey = (event: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const index = items.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'Escape') {
      event.preventDefault()
      close(true)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      items[(index + step + items.length) % items.length]?.focus()
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus()
    } else if (event.key === 'Tab') {
      setOpen(false)
    }
  }

  const { user, organization, role } = me
  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account: ${user.full_name}, ${organization.name}, ${ROLE_LABELS[role] ?? role}`}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault()
            setOpen(true)
          }
        }}
        className="flex items-center gap-2 rounded-md py-1 pl-1 pr-1.5 text-left outline-none hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-accent-500"
      >
        <span
          aria-hidden
          className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-100 text-xs font-semibold text-accent-700"
        >
          {initialsOf(user.full_name, user.email)}
        </span>
        <span aria-hidden className="hidden min-w-0 leading-tight lg:block">
          <span data-testid="user-name" className="block max-w-48 truncate text-sm font-medium text-zinc-900">
            {user.full_name}
          </span>
          <span className="block max-w-48 truncate text-xs text-zinc-500">
            {organization.name} · {ROLE_LABELS[role] ?? role}
          </span>
        </span>
        <ChevronDown aria-hidden className="size-3.5 text-zinc-400" />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Account"
          onKeyDown={onMenuKey}
          className="absolute right-0 top-full z-40 mt-1.5 w-64 rounded-lg border border-zinc-200 bg-white p-1.5 shadow-lg"
        >
          <div className="border-b border-zinc-100 px-2.5 pb-2 pt-1">
            <p className="truncate text-sm font-medium text-zinc-900">{user.full_name}</p>
            <p className="truncate text-xs text-zinc-500">{user.email}</p>
            <p className="mt-1 truncate text-xs text-zinc-500">
              {organization.name} · <span className="font-medium text-zinc-700">{ROLE_LABELS[role] ?? role}</span>
            </p>
          </div>
          <div className="pt-1">
            <Link role="menuitem" to="/settings/security" tabIndex={-1} onClick={() => close(false)} className={itemClasses}>
              <ShieldCheck aria-hidden className="size-4 text-zinc-400" /> Security
            </Link>
            <button
              role="menuitem"
              type="button"
              tabIndex={-1}
              disabled={loggingOut}
              onClick={async () => {
                setLoggingOut(true)
                try {
                  await logout()
                } finally {
                  setLoggingOut(false)
                }
              }}
              className={cn(itemClasses, 'disabled:opacity-50')}
            >
              <LogOut aria-hidden className="size-4 text-zinc-400" /> {loggingOut ? 'Logging out…' : 'Log out'}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}

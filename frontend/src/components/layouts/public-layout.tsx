import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Logo } from '@/components/layouts/logo'
import { PRODUCT_NAME, useDocumentTitle } from '@/lib/use-document-title'

type PublicLayoutProps = {
  title: string
  description?: ReactNode
  children: ReactNode
  /** Links under the card ("No account? Sign up"). */
  footer?: ReactNode
}

/** Pages without a session (login, signup, password reset, invitations): a centred card under the product name. */
export function PublicLayout({ title, description, children, footer }: PublicLayoutProps) {
  useDocumentTitle(title)
  return (
    <div className="flex min-h-dvh flex-col items-center bg-zinc-50 px-4 py-10 sm:justify-center sm:py-16">
      <Link
        to="/login"
        className="mb-6 flex items-center gap-2.5 rounded-md text-lg font-semibold tracking-tight text-zinc-900 outline-none focus-visible:ring-2 focus-visible:ring-accent-500"
      >
        <Logo className="size-7" />
        <span>{PRODUCT_NAME}</span>
      </Link>
      <main id="main" className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-lg font-semibold tracking-tight text-zinc-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-zinc-500">{description}</p>}
        <div className="mt-6">{children}</div>
      </main>
      {footer && <div className="mt-6 text-center text-sm text-zinc-500">{footer}</div>}
    </div>
  )
}

/** Centred spinner for a public page that is not ready yet. */
export function PublicLoading() {
  return (
    <div className="flex min-h-dvh items-center justify-center bg-zinc-50">
      <span role="status" className="inline-flex items-center gap-2 text-sm text-zinc-500">
        <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-zinc-200 border-t-zinc-500" />
        <span className="sr-only">Loading</span>
      </span>
    </div>
  )
}

export const linkClasses = 'font-medium text-accent-600 hover:text-accent-700 hover:underline'

import type { ReactNode } from 'react'
import { useDocumentTitle } from '@/lib/use-document-title'

type ContentLayoutProps = {
  title: string
  description?: ReactNode
  /** Small line above the title, e.g. a link back to the list. */
  eyebrow?: ReactNode
  actions?: ReactNode
  /** The browser tab's title when it should say more than `title`. */
  documentTitle?: string
  children: ReactNode
}

/** A page inside the app layout: title block (also the document title) and content. */
export function ContentLayout({ title, description, eyebrow, actions, documentTitle, children }: ContentLayoutProps) {
  useDocumentTitle(documentTitle ?? title)
  return (
    <div className="mx-auto w-full max-w-6xl">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          {eyebrow && <div className="mb-1 text-sm text-zinc-500">{eyebrow}</div>}
          <h1 className="truncate text-xl font-semibold tracking-tight text-zinc-900">{title}</h1>
          {description && <p className="mt-1 text-sm text-zinc-500">{description}</p>}
        </div>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </div>
      {children}
    </div>
  )
}

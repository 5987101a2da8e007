import { useEffect } from 'react'

export const PRODUCT_NAME = 'AgentOps Hub'

export function documentTitle(pageTitle?: string): string {
  return pageTitle ? `${pageTitle} · ${PRODUCT_NAME}` : PRODUCT_NAME
}

export function useDocumentTitle(pageTitle?: string): void {
  useEffect(() => {
    document.title = documentTitle(pageTitle)
  }, [pageTitle])
}

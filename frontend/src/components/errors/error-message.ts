import { isRouteErrorResponse } from 'react-router'

export type ErrorView = { title: string; message: string; reload: boolean }

/**
 * How to present an error caught by a boundary. A failed chunk import usually means a new version was
 * deployed and the old hashed files are gone: reloading fetches the new index.html.
 */
export function describeError(error: unknown): ErrorView {
  if (isRouteErrorResponse(error)) {
    return { title: `${error.status} ${error.statusText}`.trim(), message: 'This page could not be loaded.', reload: false }
  }
  const text = error instanceof Error ? error.message : String(error)
  if (/dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(text)) {
    return { title: 'A new version is available', message: 'Reload the page to get it.', reload: true }
  }
  return { title: 'Something went wrong', message: text || 'An unexpected error occurred.', reload: true }
}

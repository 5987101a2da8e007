import { useMutation } from '@tanstack/react-query'
import { type ExportGroup, fallbackCsvName, filenameFromContentDisposition } from '@/features/costs/lib/costs'
import { api } from '@/lib/api-client'
import { errorFromResponse } from '@/lib/http'

export type ExportInput = { from: string; to: string; group_by: ExportGroup }

/**
 * GET /costs/export.csv with the session's token (a plain link could not send it): the body as a blob, saved under
 * the name of its Content-Disposition header. The export is streamed by the server; the blob is complete when the
 * transfer is, and a transfer cut off half-way rejects instead of saving a short file.
 */
export async function exportCosts(input: ExportInput): Promise<{ filename: string; bytes: number }> {
  const { data, error, response } = await api.GET('/api/v1/costs/export.csv', { params: { query: input }, parseAs: 'blob' })
  if (!response.ok || !data) throw errorFromResponse(response.status, error, response.headers)
  const filename = filenameFromContentDisposition(response.headers.get('Content-Disposition')) ?? fallbackCsvName(input.from, input.to, input.group_by)
  const blob = data as Blob
  saveBlob(blob, filename)
  return { filename, bytes: blob.size }
}

function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // the download has started from the URL; let it go once the click has been handled
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

export const useExportCosts = () => useMutation({ mutationFn: exportCosts })

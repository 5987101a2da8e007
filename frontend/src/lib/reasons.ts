/** The longest reason the API keeps for a pause, a resume or the kill switch (after trimming). */
export const REASON_MAX = 500

/** What is wrong with a typed reason; null when it will do. */
export function reasonProblem(reason: string): string | null {
  const trimmed = reason.trim()
  if (!trimmed) return 'Say why: the reason goes into the audit log.'
  if (trimmed.length > REASON_MAX) return `Keep it under ${REASON_MAX} characters (${trimmed.length} now).`
  return null
}

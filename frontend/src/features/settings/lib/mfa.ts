/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type into an app by hand. */
export function formatSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ')
}

/** Confirming enrolment takes a code from the app (not a recovery code: there are none yet). */
export function totpCodeProblem(code: string): string | undefined {
  const digits = code.replace(/\s+/g, '')
  if (!digits) return 'Enter the 6-digit code your app shows.'
  if (!/^\d{6}$/.test(digits)) return 'The code has 6 digits.'
  return undefined
}

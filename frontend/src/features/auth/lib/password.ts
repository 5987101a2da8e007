export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128
export const PASSWORD_RULE = `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. A few unrelated words make a strong one.`

/** What is wrong with a new password, or undefined when it follows the rule (the server checks again). */
export function passwordProblem(password: string): string | undefined {
  if (password.length === 0) return 'Choose a password.'
  if (password.length < PASSWORD_MIN_LENGTH) {
    const missing = PASSWORD_MIN_LENGTH - password.length
    return `Use at least ${PASSWORD_MIN_LENGTH} characters (${missing} more).`
  }
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`
  return undefined
}

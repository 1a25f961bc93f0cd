// The password's length rules, safe for the browser (the form checks them before sending); the list
// of common passwords stays on the server (lib/auth/password-policy.ts).

/** NIST SP 800-63B: length, no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Counts characters as a person does: an emoji or an umlaut is one, whatever its UTF-16 length. */
export function passwordLength(password: string): number {
  return [...password].length;
}

export function passwordLengthProblem(password: string): 'too_short' | 'too_long' | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  return null;
}

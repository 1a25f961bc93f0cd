/**
 * A random key a form sends with its request, so that the server can recognise a double submit.
 * getRandomValues works in every browser context (randomUUID needs a secure one).
 */
export function newRequestKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Where to go after the login: a path on this portal only. Anything that could leave the origin (an
 * absolute or protocol-relative URL, a backslash trick, control characters) or points back at the login
 * becomes the Startseite. Used by requireMember() (which names the page) and by the login page.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return '/';
  // A path starts with exactly one slash; browsers read "//host", "/\host" and "\\host" as another host.
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  const base = 'http://portal.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.pathname === '/login' || url.pathname.startsWith('/api/auth')) return '/';
  return path;
}

/** The login page's address that comes back to `path` afterwards. */
export function loginUrlFor(path: string, reason?: string): string {
  const params = new URLSearchParams();
  if (reason) params.set('reason', reason);
  const next = safeNextPath(path);
  if (next !== '/') params.set('next', next);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

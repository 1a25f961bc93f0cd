import 'server-only';
import { env } from '@/lib/config/env';

/** A redirect within the portal, built from the configured URL (never from the request's Host header). */
export function portalRedirect(path: string): Response {
  return seeOther(new URL(path, env().origin).toString());
}

/** A 303 whose headers stay mutable (Response.redirect's are not), so cookies set by cookies() can join it. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location } });
}

/**
 * The device routes take JSON from the portal's own pages only. The session cookie is SameSite=Lax
 * already; a foreign Origin is refused as well.
 */
export function fromOwnOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  return origin === null || origin === env().origin;
}

export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status });
}

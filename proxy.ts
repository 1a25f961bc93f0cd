import { NextResponse, type NextRequest } from 'next/server';

/**
 * Routes that answer with a member's file (letters, attachments, certificates, the health card): they
 * are shown in the letter page's PDF frame, so they get a CSP that allows nothing but being framed by
 * this origin (lib/files/download.ts sets the same), never the page CSP.
 */
export const FILE_ROUTE_PREFIXES = ['/api/letters/', '/api/certificates/', '/api/health-card/'];
export const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** Whether the configured public URL is https: then HSTS and upgrade-insecure-requests, whatever the Host. */
function servedOverHttps(): boolean {
  try {
    return new URL(process.env.APP_URL ?? 'http://localhost:3000').protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Sets the Content-Security-Policy with a fresh nonce for every request, prefetches included; Next.js
 * reads the nonce from the request header and puts it on its own scripts. Access control is not done
 * here: every page, action and route handler checks its caller itself (lib/auth/session.ts).
 */
export function proxy(request: NextRequest) {
  // A path with a broken percent-encoding names no page: a plain 400, not a framework error.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse('Bad Request', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': "default-src 'none'" } });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const isDev = process.env.NODE_ENV === 'development';
  const https = servedOverHttps();
  const file = FILE_ROUTE_PREFIXES.some((prefix) => request.nextUrl.pathname.startsWith(prefix));
  const csp = file
    ? FILE_CSP
    : [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
        // Styles come from our own stylesheet; React sets a few style attributes, which need 'unsafe-inline'
        // for styles only (they cannot run code).
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' blob: data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        ...(https ? ['upgrade-insecure-requests'] : []),
      ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Layouts cannot read the path; the smart gate names the area from it.
  requestHeaders.set('x-hek-path', request.nextUrl.pathname);
  // The method, for the read-only check of an impersonation (lib/staff/impersonation.ts); always overwritten.
  requestHeaders.set('x-hek-method', request.method);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload');
  return response;
}

// Every request but the build's static files, prefetches included: a prefetched page is a page.
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};

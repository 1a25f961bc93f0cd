import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// next-auth's own endpoints (CSRF token, providers, credentials callback). The password check itself is in
// lib/auth/login.ts; the handler is created per request so that configuration is read at run time.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  // next-auth reads posted forms only; anything else (a JSON body) would end in a framework error.
  const type = request.headers.get('content-type') ?? '';
  if (request.method === 'POST' && !type.startsWith('application/x-www-form-urlencoded')) return plain(415, 'Unsupported Media Type');
  let response: Response;
  try {
    response = await NextAuth(authOptions())(request, { params: await context.params });
  } catch {
    // A malformed cookie or body (a callback URL that is no URL, a broken encoding): refused, not a 500.
    return plain(400, 'Bad Request');
  }
  // Tokens and session answers are for this request only.
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', 'no-store');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export { handler as GET, handler as POST };

import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import { requestMetaFrom } from '@/lib/http/request-meta';
import { loginWithPassword } from './login';
import { loginWithPasskey } from './passkey';
import { endSessionByToken, sessionCookieName } from './session';

/**
 * next-auth carries only the session's random id in its encrypted cookie; everything else is read
 * from the database on each request (see session.ts), so that a session can be ended on the server.
 */
export function authOptions(): NextAuthOptions {
  const config = env();
  process.env.NEXTAUTH_URL ??= config.APP_URL;
  return {
    secret: config.authSecret,
    session: { strategy: 'jwt', maxAge: config.SESSION_MAX_HOURS * 3600 },
    useSecureCookies: config.secureCookies,
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: config.secureCookies },
      },
    },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'password',
        name: 'Passwort',
        credentials: { kvnr: { type: 'text' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const result = await loginWithPassword(
            { kvnr: credentials?.kvnr ?? '', password: credentials?.password ?? '' },
            requestMetaFrom(req.headers ?? {}),
          );
          if (result.ok) return { id: result.memberId, sid: result.token };
          // next-auth hands the message to the login form, which shows the catalogue text for it.
          throw new Error(result.error === 'rate_limited' ? `rate_limited:${Math.ceil(result.retryAfterSeconds / 60)}` : result.error);
        },
      }),
      CredentialsProvider({
        id: 'passkey',
        name: 'Passkey',
        credentials: { response: { type: 'text' } },
        async authorize(credentials, req) {
          const result = await loginWithPasskey(parseJson(credentials?.response), requestMetaFrom(req.headers ?? {}));
          if (result.ok) return { id: result.memberId, sid: result.token };
          throw new Error(result.error === 'rate_limited' ? `rate_limited:${Math.ceil(result.retryAfterSeconds / 60)}` : result.error);
        },
      }),
    ],
    callbacks: {
      // Only the session id goes into the token: no name, email or anything else the client sent.
      jwt({ token, user }) {
        if (user && 'sid' in user && typeof user.sid === 'string') return { sid: user.sid };
        return { sid: token.sid };
      },
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== 'string') return;
        const memberId = await endSessionByToken(token.sid, 'logout');
        if (memberId) await auditEvent({ action: 'auth.logout', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId });
      },
    },
  };
}

/** The browser's WebAuthn answer arrives as a JSON string; anything unreadable is checked (and refused) as null. */
function parseJson(value: string | undefined): unknown {
  try {
    return value ? JSON.parse(value) : null;
  } catch {
    return null;
  }
}

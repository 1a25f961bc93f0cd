import { encode } from 'next-auth/jwt';
import { SignJWT } from 'jose';
import { env } from '@/lib/config/env';
import { createSession } from '@/lib/auth/session';
import type { ProviderId } from '@/lib/identity/config';
import { startIdentification } from '@/lib/identity/identification';
import { startTransaction } from '@/lib/identity/simulator/authorize';
import { finishTransaction, submitEidPin, SIMULATED_PIN } from '@/lib/identity/simulator/flow';
import { publicJwks, signingKey } from '@/lib/identity/simulator/keys';
import type { IdentityVariant, SimulatorOutcome } from '@/lib/identity/simulator/options';
import { discoveryDocument } from '@/lib/identity/simulator/metadata';
import { exchangeCode } from '@/lib/identity/simulator/token';
import { createMember } from '../../helpers/members';

export const meta = { ip: '198.51.100.23', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36' };

/** A member with a login and one session, as after a password login. */
export async function loggedInMember(level: 'BASIC' | 'SMART' = 'BASIC') {
  const created = await createMember({ level });
  const { token, session } = await createSession(created.member.id, meta);
  return { ...created, sessionId: session.id, token, caller: { memberId: created.member.id, sessionId: session.id } };
}

export function cookieFor(token: string) {
  return encode({ token: { sid: token }, secret: env().authSecret });
}

type Tamper = (body: Record<string, unknown>) => Promise<Record<string, unknown>> | Record<string, unknown>;

/**
 * A fetch that answers the portal's server-to-server calls with the simulators' own handlers, so the
 * hand-off runs without a web server. `tamper` may swap the token endpoint's answer.
 */
export function simulatorFetch(tamper?: Tamper): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const [, , provider, endpoint] = url.pathname.split('/') as [string, string, ProviderId, string];
    if (endpoint === 'token') {
      const authorization = new Headers(init?.headers).get('authorization');
      const { status, body } = await exchangeCode(provider, new URLSearchParams(String(init?.body ?? '')), authorization);
      return Response.json(tamper && status === 200 ? await tamper(body) : body, { status });
    }
    if (endpoint === 'jwks') return Response.json(await publicJwks(provider));
    if (url.pathname.endsWith('/.well-known/openid-configuration')) return Response.json(discoveryDocument(provider));
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
}

type Member = { firstName: string; lastName: string; kvnr: string };

/** "Jetzt zu smart wechseln" up to the provider's redirect back: returns what the callback receives. */
export async function walkProvider(
  member: Member,
  caller: { memberId: string; sessionId: string },
  provider: ProviderId = 'nect',
  choice: { outcome?: SimulatorOutcome; variant?: IdentityVariant } = {},
) {
  const started = await startIdentification(
    { method: provider, privacy: true, firstName: member.firstName, lastName: member.lastName, kvnr: member.kvnr },
    caller,
    meta,
    { fetch: simulatorFetch() },
  );
  if (!started.ok) throw new Error(`start failed: ${started.error}`);
  const authorize = new URL(started.redirectTo);
  const transaction = await startTransaction(provider, authorize.searchParams);
  if (!transaction.ok) throw new Error(`authorize failed: ${transaction.error}`);
  if (provider === 'eid' && (choice.outcome ?? 'success') === 'success') {
    const pin = await submitEidPin(transaction.transactionId, SIMULATED_PIN, meta);
    if (pin.status !== 'ok') throw new Error(`PIN refused: ${pin.status}`);
  }
  const finished = await finishTransaction(provider, transaction.transactionId, { outcome: choice.outcome ?? 'success', variant: choice.variant ?? 'record' });
  if (!finished.ok) throw new Error(`finish failed: ${finished.error}`);
  const back = new URL(finished.redirectTo);
  return {
    transactionId: transaction.transactionId,
    nonce: authorize.searchParams.get('nonce') ?? '',
    answer: {
      state: back.searchParams.get('state') ?? '',
      code: back.searchParams.get('code'),
      error: back.searchParams.get('error'),
      errorDescription: back.searchParams.get('error_description'),
    },
  };
}

/** A result signed with the simulator's real key, with claims a test chooses. */
export async function signedResult(provider: ProviderId, claims: Record<string, unknown>, options: { audience?: string; expiresAt?: number; issuer?: string } = {}) {
  const key = await signingKey(provider);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(options.issuer ?? `${env().origin}/idp/${provider}`)
    .setAudience(options.audience ?? env().IDENTITY_CLIENT_ID)
    .setSubject('subject')
    .setIssuedAt(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 300)
    .sign(key.privateKey);
}

import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import type { ProviderId } from '../config';
import { registeredClient } from './metadata';

// How long the person may take for the steps at the simulated provider.
const TRANSACTION_MINUTES = 30;

const authorizeParams = z.object({
  response_type: z.literal('code'),
  client_id: z.string().min(1).max(200),
  redirect_uri: z.url(),
  scope: z.string().refine((s) => s.split(' ').includes('openid')),
  state: z.string().min(16).max(512),
  nonce: z.string().min(16).max(512),
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43,128}$/),
  code_challenge_method: z.literal('S256'),
  login_hint: z.string().max(20).optional(),
});

export type AuthorizeOutcome =
  | { ok: true; transactionId: string }
  | { ok: false; error: 'invalid_redirect_uri' }
  | { ok: false; error: 'invalid_request'; redirectTo: string };

/**
 * The simulator's authorisation endpoint: checks the request as an OIDC provider would (PKCE S256 is
 * required) and keeps it while the person walks through the steps. Only the registered client, and only
 * its registered redirect URIs, compared exactly (no prefix, no origin match), are answered, so the
 * simulator cannot be used as an open redirect or to send a code elsewhere.
 */
export async function startTransaction(provider: ProviderId, query: URLSearchParams): Promise<AuthorizeOutcome> {
  const redirectUri = query.get('redirect_uri') ?? '';
  const client = registeredClient(provider);
  if (query.get('client_id') !== client.clientId || !client.redirectUris.includes(redirectUri)) return { ok: false, error: 'invalid_redirect_uri' };
  const parsed = authorizeParams.safeParse(Object.fromEntries(query));
  if (!parsed.success) {
    return { ok: false, error: 'invalid_request', redirectTo: errorRedirect(redirectUri, query.get('state'), 'invalid_request') };
  }
  const p = parsed.data;
  const transaction = await prisma.idpTransaction.create({
    data: {
      provider,
      clientId: p.client_id,
      redirectUri: p.redirect_uri,
      state: p.state,
      nonce: p.nonce,
      codeChallenge: p.code_challenge,
      loginHint: p.login_hint ?? null,
      expiresAt: new Date(Date.now() + TRANSACTION_MINUTES * 60_000),
    },
  });
  return { ok: true, transactionId: transaction.id };
}

export function errorRedirect(redirectUri: string, state: string | null, error: string, description?: string): string {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error);
  if (description) url.searchParams.set('error_description', description);
  if (state) url.searchParams.set('state', state);
  return url.toString();
}

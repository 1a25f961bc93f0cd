// A real OpenID Connect provider for tests: oidc-provider (the certified reference implementation on npm)
// on a free localhost port, with in-memory accounts. Its sign-in page is a form with one button per
// account; the test chooses the account and the assurance level (acr) the login reaches.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export type TestAccount = { accountId: string; claims: Record<string, unknown> };
export type TestClient = Record<string, unknown> & { client_id: string; redirect_uris: string[] };

export type RunningProvider = {
  issuer: string;
  /** The acr the next login reaches; the tests lower it to see smarthealth stay locked. */
  setAcr(acr: string): void;
  close(): Promise<void>;
};

export const ACR_HIGH = 'http://eidas.europa.eu/LoA/high';
export const ACR_SUBSTANTIAL = 'http://eidas.europa.eu/LoA/substantial';

export async function startOidcProvider(options: { clients: TestClient[]; accounts: TestAccount[]; port?: number }): Promise<RunningProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  let acr = ACR_HIGH;

  const provider = new Provider(issuer, {
    clients: options.clients,
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-rs256', alg: 'RS256', use: 'sig' }] },
    findAccount: (_ctx: unknown, id: string) => {
      const account = options.accounts.find((a) => a.accountId === id);
      return account && { accountId: id, claims: () => ({ sub: id, ...account.claims }) };
    },
    claims: { openid: ['sub'], acr: null, profile: ['given_name', 'family_name', 'birthdate', 'kvnr', 'urn:telematik:claims:id'] },
    acrValues: [ACR_HIGH, ACR_SUBSTANTIAL],
    pkce: { required: () => true },
    cookies: { keys: ['a-key-for-the-tests-only'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 300, IdToken: 300, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  });

  provider.use(async (ctx, next) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(ctx.path)?.[1];
    if (!uid) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const accountId = ctx.method === 'POST' ? new URLSearchParams(await readBody(ctx.req)).get('account') : null;
    if (!accountId) {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="de"><title>Test-Anbieter</title><main><h1>Test-Anbieter</h1><form method="post" action="/interaction/${uid}">${options.accounts
        .map((a) => `<button name="account" value="${a.accountId}">Anmelden als ${a.accountId}</button>`)
        .join('')}</form></main></html>`;
      return;
    }
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id ?? '' });
    grant.addOIDCScope(details.params.scope ?? 'openid');
    const grantId = await grant.save();
    ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, { login: { accountId, acr }, consent: { grantId } }, { mergeWithLastSubmission: false }));
  });
  server.on('request', provider.callback());

  return {
    issuer,
    setAcr: (value) => (acr = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/**
 * A browser's way through the provider without a browser: follows the redirects with its cookies,
 * signs in as the account, and returns where the provider sends it back (the portal's callback URL).
 */
export async function signInAt(authorizeUrl: string, accountId: string, callbackPrefix: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizeUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(callbackPrefix)) return next;
      [url, method, body] = [next.href, 'GET', undefined];
    } else if (response.status === 200 && new URL(url).pathname.startsWith('/interaction/')) {
      [method, body] = ['POST', new URLSearchParams({ account: accountId }).toString()];
    } else {
      throw new Error(`the provider answered ${response.status} at ${url}: ${(await response.text()).slice(0, 300)}`);
    }
  }
  throw new Error('too many redirects at the provider');
}

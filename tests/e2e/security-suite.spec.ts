// The security suite: walks every page, route handler and server action that the production build
// contains (its own manifests in .next/server), so that a new one cannot be missed, and checks who may
// reach it. Who a page is for follows from its route group: (public) and (idp) are open, (member) needs
// a session, (member)/(smart) needs smart access in this session, admin/ needs staff. Route handlers have
// no group: the open ones are listed below with their reason; every other one is treated as a member's.
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { buildHandlers, buildPages, kindOf, randomId, readManifest, urlOf, type Entry, type Kind } from './build-routes';
import { expect, test } from './fixtures';
import { createTestMember, testApi, type TestMember } from './test-api';

/** Route handlers anyone may call, each with the reason. */
const OPEN_HANDLERS: Record<string, string> = {
  '/api/auth/[...nextauth]': "next-auth's own endpoints (csrf, login callbacks, providers)",
  '/api/identity/login/start': 'starts the login with GesundheitsID (no session yet)',
  '/api/identity/login/callback': 'the GesundheitsID login answer (no session yet)',
  '/api/identity/recover/start': "a password recovery's identification: the mailed link's token is the credential",
  '/api/passkeys/login-options': 'the passkey login challenge (no session yet)',
  '/icon.svg': 'the favicon',
};

function pagesAndHandlers(): { pages: Entry[]; handlers: Entry[] } {
  const handlers = buildHandlers().map(({ key, route, groupKind }): Entry => {
    const url = urlOf(route);
    const open = route in OPEN_HANDLERS || url.startsWith('/api/test/') || key.startsWith('/(idp)/') || url.startsWith('/bench');
    return { key, route, kind: open ? 'public' : groupKind === 'public' ? 'member' : groupKind };
  });
  return { pages: buildPages(), handlers };
}

type Action = { id: string; file: string; name: string; page: string; kind: Kind };

function serverActions(): Action[] {
  const manifest = readManifest<{ node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> }>(
    'server-reference-manifest.json',
  );
  return Object.entries(manifest.node).map(([id, entry]) => {
    const page = Object.keys(entry.workers)[0] ?? 'app/page';
    // Shell actions (app/actions.ts) belong to every page; what they may do is checked by their own tests.
    const kind = entry.filename === 'app/actions.ts' ? 'public' : kindOf(entry.filename);
    return { id, file: entry.filename, name: entry.exportedName, page: urlOf(page.replace(/^app/, '').replace(/\/page$/, '')), kind };
  });
}

function baseURL(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is set by the e2e global setup.');
  return url;
}

/** A request context logged in as the member through next-auth's password login, as a browser would. */
async function sessionOf(member: TestMember): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: baseURL() });
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const answer = await context.post('/api/auth/callback/password', {
    form: { csrfToken, kvnr: member.kvnr, password: member.password, json: 'true' },
  });
  expect(answer.ok()).toBe(true);
  expect((await context.storageState()).cookies.some((cookie) => cookie.name.endsWith('hek.session'))).toBe(true);
  return context;
}

async function callAction(context: APIRequestContext, action: Action, args: unknown[], origin = baseURL()): Promise<APIResponse> {
  return context.post(action.page, {
    headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: origin },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}

function expectSecurityHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, `${what}: CSP`).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(csp, `${what}: frame-ancestors`).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(headers['referrer-policy'], `${what}: Referrer-Policy`).toBeTruthy();
}

test.describe('security suite over the build manifests', () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'HTTP only: the answers do not depend on the width, so once per run');
  });

  const { pages, handlers } = pagesAndHandlers();
  const actions = serverActions();

  test('the manifests list the portal', () => {
    // A guard against walking nothing: the suite is only as good as the lists it walks.
    expect(pages.filter((p) => p.kind === 'smart').length).toBeGreaterThanOrEqual(10);
    expect(actions.filter((a) => a.kind === 'smart').length).toBeGreaterThanOrEqual(10);
    expect(handlers.filter((h) => h.kind !== 'public').length).toBeGreaterThanOrEqual(5);
  });

  test('an anonymous visitor: every page answers with the security headers, and every member page sends to the login', async () => {
    const context = await playwrightRequest.newContext({ baseURL: baseURL() });
    try {
      for (const page of pages) {
        const url = urlOf(page.route, (param) => (param === 'provider' ? 'nect' : randomId));
        const response = await context.get(url, { maxRedirects: 0 });
        expect(response.status(), `${url}`).toBeLessThan(500);
        expectSecurityHeaders(response, url);
        if (page.kind === 'member' || page.kind === 'smart') {
          expect(response.status(), `${url} without a session`).toBe(307);
          expect(response.headers().location, `${url} without a session`).toMatch(/^\/login(\?|$)/);
        }
        if (page.kind === 'staff') expect([307, 404], `${url} without a staff session`).toContain(response.status());
      }
    } finally {
      await context.dispose();
    }
  });

  test('an anonymous visitor: every member route handler refuses, for every method', async () => {
    const context = await playwrightRequest.newContext({ baseURL: baseURL() });
    try {
      for (const handler of handlers.filter((h) => h.kind !== 'public')) {
        const url = urlOf(handler.route);
        for (const method of ['GET', 'POST'] as const) {
          const response = await context.fetch(url, { method, maxRedirects: 0, data: method === 'POST' ? '{}' : undefined });
          const status = response.status();
          // A refusal: an error status, or a redirect to the login (members) or the staff login (staff routes).
          const location = status === 303 || status === 307 ? new URL(response.headers().location ?? '/', baseURL()).pathname : undefined;
          const login = handler.kind === 'staff' ? '/admin/login' : '/login';
          const refused = location !== undefined ? location === login : [401, 403, 404, 405].includes(status);
          expect(refused, `${method} ${url} answered ${status} without a session`).toBe(true);
        }
      }
    } finally {
      await context.dispose();
    }
  });

  test('every server action refuses a cross-origin call, and every member action checks its caller first', async () => {
    const context = await playwrightRequest.newContext({ baseURL: baseURL() });
    try {
      for (const action of actions) {
        const crossOrigin = await callAction(context, action, [], 'https://angreifer.example');
        expect(crossOrigin.status(), `${action.file} ${action.name} from another origin`).toBeGreaterThanOrEqual(400);
        expect(crossOrigin.headers()['x-action-redirect'], `${action.file} ${action.name} from another origin`).toBeUndefined();
        if (action.kind === 'public') continue;
        // Without a session, the guard on the first line sends to the login before anything is parsed.
        const anonymous = await callAction(context, action, []);
        // Staff actions send to the staff login, member actions to the members' one.
        expect(anonymous.headers()['x-action-redirect'] ?? `status ${anonymous.status()}`, `${action.file} ${action.name} without a session`).toMatch(
          action.kind === 'staff' ? /^\/admin\/login(;|$)/ : /^\/login/,
        );
      }
    } finally {
      await context.dispose();
    }
  });

  test('a password-only session (no bound browser) and a basic member reach no smart page, route or action', async () => {
    const smart = await createTestMember({ level: 'SMART' });
    const basic = await createTestMember({ level: 'BASIC' });
    for (const member of [smart, basic]) {
      const context = await sessionOf(member);
      try {
        for (const page of pages.filter((p) => p.kind === 'smart')) {
          const url = urlOf(page.route);
          const response = await context.get(url, { maxRedirects: 0 });
          expect(response.status(), url).toBe(200);
          expect(response.headers()['cache-control'] ?? '', `${url}: personal pages are not stored`).toContain('no-store');
          const html = await response.text();
          // The gate of the area, and the way to smart: never the feature. In a browser not bound the gate
          // first checks the browser's key ("Browser wird geprüft"), its offer is in the page's data.
          expect(html, url).toMatch(/href="\/smart"|\\"href\\":\\"\/smart\\"/);
          expect(html, url).toMatch(member === basic ? /Jetzt zu smart wechseln/ : /Browser jetzt identifizieren/);
        }
        for (const handler of handlers.filter((h) => h.kind === 'smart' || /\/api\/(letters|certificates|health-card|babycare|smarthealth)\//.test(h.route))) {
          const url = urlOf(handler.route);
          const response = await context.get(url, { maxRedirects: 0 });
          expect(response.status(), `${url} for a session without smart access`).toBe(404);
        }
        for (const action of actions.filter((a) => a.kind === 'smart')) {
          const response = await callAction(context, action, [randomId, true]);
          expect(response.status(), `${action.file} ${action.name} for a session without smart access`).toBe(404);
        }
      } finally {
        await context.dispose();
      }
    }
  });

  test("another member's letters, attachments, conversations and certificates are a 404 through every page and route", async () => {
    const owner = await createTestMember({ level: 'SMART' });
    const intruder = await createTestMember({ level: 'SMART' });
    await testApi('POST', '/api/test/mailbox', { memberId: owner.memberId, action: 'appCommunication', enabled: true });
    const { letterId } = await testApi<{ letterId: string }>('POST', '/api/test/mailbox', { memberId: owner.memberId, action: 'deliver' });
    const { conversationId } = await testApi<{ conversationId: string }>('POST', '/api/test/mailbox', {
      memberId: owner.memberId,
      action: 'answeredConversation',
    });
    // A certificate needs insurance periods, which only the seeded members have: one of Anna Schmidt's.
    const certificate = await testApi<{ certificateId: string }>('POST', '/api/test/certificates', { kvnr: 'S100000013' });
    const ownerIds: Record<string, string> = { letter: letterId, conversation: conversationId, certificate: certificate.certificateId };
    const resourceOf = (route: string): string | undefined =>
      /postfach|letters/.test(route) ? 'letter' : /nachrichten/.test(route) ? 'conversation' : /certificates/.test(route) ? 'certificate' : undefined;

    const ownerName = `${owner.firstName} ${owner.lastName}`;
    const intruderName = `${intruder.firstName} ${intruder.lastName}`;
    const context = await sessionOf(intruder);
    await testApi('POST', '/api/test/sessions', { memberId: intruder.memberId, change: 'bind' });
    let attempts = 0;
    try {
      for (const entry of [...pages, ...handlers].filter((e) => e.kind === 'smart' || e.kind === 'member')) {
        if (!entry.route.includes('[')) continue;
        const resource = resourceOf(entry.route);
        const url = urlOf(entry.route, (param) => (param === 'id' && resource ? ownerIds[resource]! : randomId));
        const response = await context.get(url, { maxRedirects: 0 });
        attempts += 1;
        expect(response.status(), `${url} with another member's id`).toBe(404);
        const body = await response.text();
        // The owner's KVNR, address and name (the page shows the intruder's own name, which may share a part).
        expect(body, `${url} must not show the owner's KVNR`).not.toContain(owner.kvnr);
        expect(body, `${url} must not show the owner's email`).not.toContain(owner.email);
        if (ownerName !== intruderName) expect(body, `${url} must not show the owner's name`).not.toContain(ownerName);
      }
      // The letter actions take the letter's id: another member's is not found, and nothing changes.
      for (const action of actions.filter((a) => a.name === 'archiveLetterAction' || a.name === 'setLetterReadAction')) {
        const response = await callAction(context, action, [letterId, true]);
        attempts += 1;
        expect(response.status(), `${action.name} with another member's letter`).toBe(404);
      }
    } finally {
      await context.dispose();
    }
    console.log(`[security-suite] ${attempts} attempts with another member's ids, 0 answered with data`);
    expect(attempts).toBeGreaterThan(5);
  });
});

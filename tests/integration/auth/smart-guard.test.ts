import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { smartAccess } from '@/lib/auth/access';
import { createSession, resolveSession, sessionCookieName } from '@/lib/auth/session';
import { issueCertificate } from '@/lib/certificates/commands';
import { env } from '@/lib/config/env';
import { prisma } from '@/lib/db';
import { requestReplacement } from '@/lib/health-card/commands';
import { createDeviceChallenge, deviceChallengeMessage, verifyDeviceSignature } from '@/lib/identity/devices';
import { addDays, berlinDate, isoDate } from '@/lib/insurance/calendar';
import { setAppCommunication } from '@/lib/mailbox/app-communication';
import { sendToInsurer } from '@/lib/mailbox/commands';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { templateDelivery } from '@/lib/mailbox/templates';
import { closePdfPool, renderBaselinePdf } from '@/lib/pdf/pool';
import { enrolBabyCare, saveBabyCareStep } from '@/lib/programs/babycare';
import { createMember } from '@/lib/testing/members';
import { pdfBytes } from '../mailbox/files';

// "Not smart" answers alike everywhere: every smart route handler and every server action of the (smart)
// route group answers a basic member, and a smart member whose browser is not bound, with a 404 — the
// same as for an id that is not theirs. The route handlers are called with the caller's own data, and the
// same smart member in a bound browser gets that data (the control), so the 404 can only be the guard's.

let cookie: string | undefined;
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === sessionCookieName() && cookie ? { name, value: cookie } : undefined) }),
  headers: async () => new Headers({ 'user-agent': 'vitest' }),
}));

const root = process.cwd();
const appDir = path.join(root, 'app');
const meta = { ip: '127.0.0.1', userAgent: 'vitest' };

function files(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** Ids of data a member owns: a letter with its PDF, a reply with an attachment, a certificate, a card. */
type OwnData = { letterId: string; replyId: string; attachmentId: string; certificateId: string; cardId: string };

/**
 * The route handlers that serve a member's smart data (under app/), each with the params that name the
 * caller's own data. Declared rather than found by the guard's text, so a route whose guard was replaced
 * stays in the walk; the first test below keeps this list and the disk in step.
 */
const smartRoutes: Record<string, (own: OwnData) => Record<string, string>> = {
  'api/letters/[id]/pdf': (own) => ({ id: own.letterId }),
  'api/letters/[id]/attachments/[attachmentId]': (own) => ({ id: own.replyId, attachmentId: own.attachmentId }),
  'api/certificates/[id]/pdf': (own) => ({ id: own.certificateId }),
  'api/health-card/[id]/pdf': (own) => ({ id: own.cardId }),
  'api/babycare/auswertung': () => ({}),
};
/** A route handler that imports a smart domain's reads serves smart data (the test API only writes). */
const readsSmartData = /from '@\/lib\/(?:(?:mailbox|messages|insurance|certificates|health-card|bank|claims)\/(?:queries|document|letter-text)|programs\/babycare)/;
/** Every server action module of the (smart) route group. */
const smartActions = files(path.join(appDir, '(member)', '(smart)'), 'actions.ts');

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Each exported method of a declared route, ready to be called with the caller's own data. */
async function routeCalls(route: string, own: OwnData) {
  const handlers = (await import(path.join(appDir, route, 'route.ts'))) as Record<string, unknown>;
  const params = smartRoutes[route]!(own);
  const url = `http://localhost/${route.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? '')}`;
  return methods
    .filter((method) => typeof handlers[method] === 'function')
    .map((method) => ({ method, call: () => (handlers[method] as Handler)(new Request(url, { method }), { params: Promise.resolve(params) }) }));
}

/** Next.js's notFound() throws an error with this digest; a route handler may also answer 404 itself. */
async function answer(call: () => Promise<unknown>): Promise<{ status: number | string; response?: Response }> {
  try {
    const result = await call();
    return result instanceof Response ? { status: result.status, response: result } : { status: `answered ${JSON.stringify(result)}` };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;')) return { status: Number(digest.split(';')[1]) };
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { status: `redirect ${digest}` };
    return { status: `threw ${(error as Error).message}` };
  }
}
const status = async (call: () => Promise<unknown>) => (await answer(call)).status;

const someId = () => crypto.randomUUID();

/** A member with data of their own for every smart route handler, made by the functions the app uses. */
async function memberWithOwnData(level: 'BASIC' | 'SMART') {
  const { member } = await createMember({ level });
  const memberId = member.id;

  await setAppCommunication(memberId, true, 'settings', meta);
  const letter = await deliverLetter({ memberId, ...templateDelivery('fehlende-unterlagen') });
  expect(letter.channel).toBe('postfach');
  const reply = await sendToInsurer(memberId, { kind: 'REPLY', letterId: letter.letterId, text: 'Anbei', idempotencyKey: someId() }, [{ name: 'beleg.pdf', bytes: pdfBytes() }], meta);
  if (!reply.ok) throw new Error(`reply: ${reply.error}`);
  const attachment = await prisma.letterAttachment.findFirstOrThrow({ where: { letterId: reply.letterId } });

  // Insurance periods come from the insurer's systems; the test writes one as the test API does.
  await prisma.insurancePeriod.create({ data: { memberId, kind: 'COMPULSORY', startsOn: new Date('2020-01-01T00:00:00Z'), endsOn: null, payerName: 'Elbufer Werkstätten GmbH' } });
  const certificate = await issueCertificate(memberId, { kind: 'MEMBERSHIP' }, meta);
  if (!certificate.ok) throw new Error(`certificate: ${certificate.error}`);

  const card = await requestReplacement(memberId, { requestKey: `k${someId().replaceAll('-', '')}` }, meta, { delaySeconds: 0 });
  if (card.status !== 'created') throw new Error(`health card: ${card.status}`);
  expect((await prisma.healthCardReplacement.findUniqueOrThrow({ where: { id: card.cardId } })).documentId, 'the card stored its PDF').not.toBeNull();

  await enrolBabyCare(memberId, { expectedBirthDate: isoDate(addDays(berlinDate(new Date()), 150)), consent: true }, meta);
  await saveBabyCareStep(memberId, 0, { heightCm: '168', weightKg: '61,5', firstPregnancy: 'no', multiple: 'no' });
  await saveBabyCareStep(memberId, 1, { smoking: 'never', alcohol: 'none', diet: 'mixed', exerciseMinutes: '90' });
  expect(await saveBabyCareStep(memberId, 2, { conditions: [], history: [], symptoms: [] })).toMatchObject({ ok: true, completed: true });

  const own: OwnData = { letterId: letter.letterId, replyId: reply.letterId, attachmentId: attachment.id, certificateId: certificate.certificateId, cardId: card.cardId };
  return { memberId, own };
}

/** A password login: a fresh session has no bound browser. */
async function login(memberId: string): Promise<string> {
  const { token } = await createSession(memberId, meta);
  return encode({ token: { sid: token }, secret: env().authSecret });
}

/**
 * A new login of the member in a browser bound earlier: the browser's key signs this session's challenge
 * (the second factor at a login). The binding itself needs an identification first, which
 * tests/integration/identity/devices.test.ts walks; here the device row stands for that earlier binding.
 */
async function loginInBoundBrowser(memberId: string): Promise<string> {
  const subtle = crypto.webcrypto.subtle;
  const key = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const { kty, crv, x, y } = await subtle.exportKey('jwk', key.publicKey);
  const device = await prisma.boundDevice.create({ data: { memberId, name: 'Chrome 131 · Linux', publicKeyJwk: { kty, crv, x, y } } });
  const { token, session } = await createSession(memberId, meta);
  const { challengeId, challenge } = await createDeviceChallenge(session.id);
  const signature = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, new TextEncoder().encode(deviceChallengeMessage(challenge)));
  const verified = await verifyDeviceSignature({ memberId, sessionId: session.id }, { challengeId, deviceId: device.id, signature: Buffer.from(signature).toString('base64url') }, meta);
  expect(verified).toEqual({ ok: true });
  return encode({ token: { sid: token }, secret: env().authSecret });
}

async function accessOf(sessionCookie: string) {
  const session = await resolveSession(sessionCookie);
  if (session.status !== 'active') throw new Error(`session ${session.status}`);
  return smartAccess(session);
}

let basic: Awaited<ReturnType<typeof memberWithOwnData>>;
let smart: Awaited<ReturnType<typeof memberWithOwnData>>;

beforeAll(async () => {
  // The first render starts a worker and parses the fonts: done here, within the hook's longer timeout.
  await renderBaselinePdf('warm-up');
  basic = await memberWithOwnData('BASIC');
  smart = await memberWithOwnData('SMART');
});
afterAll(closePdfPool);

describe('the smart route handlers', () => {
  const routes = files(appDir, 'route.ts').map((file) => ({ route: path.relative(appDir, path.dirname(file)), source: fs.readFileSync(file, 'utf8') }));

  it('are declared: every route handler that calls requireSmartMember() or reads smart data is in the list', () => {
    const undeclared = routes.filter(({ route, source }) => (source.includes('requireSmartMember(') || readsSmartData.test(source)) && !(route in smartRoutes));
    expect(undeclared.map(({ route }) => `app/${route}/route.ts`), 'route handlers missing from smartRoutes').toEqual([]);
  });

  for (const route of Object.keys(smartRoutes)) {
    it(`app/${route}/route.ts exists and calls requireSmartMember()`, () => {
      const source = routes.find((r) => r.route === route)?.source;
      expect(source, `app/${route}/route.ts does not exist`).toBeDefined();
      expect(source?.includes('requireSmartMember('), `app/${route}/route.ts no longer calls requireSmartMember()`).toBe(true);
    });
  }

  it('and the smart server actions are found on disk', () => {
    expect(smartActions.length).toBeGreaterThanOrEqual(4);
  });
});

describe.each([
  ['a basic member', () => basic, { ok: false, reason: 'basic' }],
  ['a smart member in a browser that is not bound', () => smart, { ok: false, reason: 'device' }],
])('smart endpoints for %s', (_who, caller, access) => {
  beforeAll(async () => {
    cookie = await login(caller().memberId);
  });

  it('has a session without smart access', async () => {
    expect(await accessOf(cookie!)).toEqual(access);
  });

  for (const route of Object.keys(smartRoutes)) {
    it(`route ${route} answers 404 to every method, also for the caller's own data`, async () => {
      const calls = await routeCalls(route, caller().own);
      expect(calls.length).toBeGreaterThan(0);
      for (const { method, call } of calls) {
        expect(await status(call), `${method} app/${route} with the caller's own ids`).toBe(404);
      }
    });
  }

  for (const file of smartActions) {
    const actionsFile = path.relative(root, file);
    it(`every action in ${actionsFile} answers 404`, async () => {
      const actions = Object.entries((await import(file)) as Record<string, unknown>).filter(([, value]) => typeof value === 'function');
      expect(actions.length).toBeGreaterThan(0);
      for (const [name, action] of actions) {
        const form = new FormData();
        form.set('letterId', someId());
        form.set('conversationId', someId());
        // Arguments of both shapes: (id, flag) for the buttons, (state, formData) for the forms.
        const call = action as (...args: unknown[]) => Promise<unknown>;
        expect(await status(() => call(someId(), true)), `${name}(id, flag)`).toBe(404);
        expect(await status(() => call({}, form)), `${name}(state, form)`).toBe(404);
      }
    });
  }
});

describe('the control: the same smart member in a bound browser', () => {
  beforeAll(async () => {
    cookie = await loginInBoundBrowser(smart.memberId);
  });

  it('has a session with smart access', async () => {
    expect(await accessOf(cookie!)).toEqual({ ok: true });
  });

  for (const route of Object.keys(smartRoutes)) {
    it(`route ${route} serves the member's own PDF for the same ids`, async () => {
      for (const { method, call } of await routeCalls(route, smart.own)) {
        const { status, response } = await answer(call);
        expect(status, `${method} app/${route} in a bound browser`).toBe(200);
        expect(response?.headers.get('content-type')).toBe('application/pdf');
        expect(Buffer.from(await response!.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
    });
  }
});

import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The environment is read and checked once; a wrong value stops the portal with a clear message.
const schema = z.object({
  APP_URL: z.url().default('http://localhost:3000'),
  DATABASE_URL: z.string().min(1).optional(),
  PGLITE_DATA_DIR: z.string().default('.data/pglite'),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(8),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** How long a second-factor confirmation (step-up) allows security changes in the same session. */
  STEP_UP_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  /** Support staff (app/admin): sessions shorter than members', and the longest "Ansicht als Mitglied". */
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(120).default(10),
  STAFF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(12).default(4),
  IMPERSONATION_MAX_MINUTES: z.coerce.number().int().min(1).max(240).default(30),
  /** Identity providers (see lib/identity/config.ts for each provider's IDP_<NECT|EID|GESUNDHEITSID>_* URLs). */
  /**
   * Demo switches, off unless switched on (`npm run demo` and the e2e harness do), and refused together
   * with an APP_URL that is not a localhost address (see demoSwitchesOn below):
   * - the simulated Nect, AusweisApp and GesundheitsID under /idp/* (anyone passes their test panels);
   * - /dev/outbox, every member's mail with its single-use links;
   * - the test-only routes /api/test/* (TEST_API_TOKEN, at least 32 characters);
   * - the certificate benchmark's baseline route (BENCH_ROUTES).
   */
  IDP_SIMULATORS: z.enum(['on', 'off']).default('off'),
  DEMO_MAIL_VIEW: z.enum(['0', '1']).default('0'),
  TEST_API_TOKEN: z.string().min(32, 'TEST_API_TOKEN must be at least 32 characters').optional(),
  /** Base URL under which the portal reaches the simulators server-to-server (token, JWKS); default APP_URL. */
  IDP_INTERNAL_URL: z.url().optional(),
  /** The portal's client id at the identity providers. */
  IDENTITY_CLIENT_ID: z.string().min(1).default('hek-smart-portal'),
  /** Identification attempts (failed ones) per member and hour before a pause. */
  IDENTIFY_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Lifetime of the email confirmation link sent at registration. */
  EMAIL_CONFIRMATION_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(48),
  /** Postfach uploads (Antworten, Dokumente einreichen): files per submission and size of each file. */
  MAILBOX_MAX_FILES: z.coerce.number().int().min(1).max(20).default(5),
  MAILBOX_MAX_FILE_MB: z.coerce.number().int().min(1).max(50).default(10),
  /** Processing time of a digitale Gesundheitskarte before it is ready ("nach wenigen Minuten"); 0 in tests. */
  HEALTH_CARD_DELAY_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(120),
  /** Worker threads that render PDFs off the request path. */
  PDF_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
  /** Lookups with a wrong code per IP and window on the public certificate verification. */
  VERIFY_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  VERIFY_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** "1" enables the benchmark's baseline route (scripts/bench/certificates.ts); a demo switch (above). */
  BENCH_ROUTES: z.enum(['0', '1']).default('0'),
  /**
   * Reverse proxies in front of the portal that append the address they saw to X-Forwarded-For. 0 (the
   * default): none, the client address is the connection's own (socket) address and X-Forwarded-For is
   * ignored. N: the entry the outermost of them added, counted from the right; entries further left come
   * from the client and are never trusted (rate limits and the audit log key on this address).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** WebAuthn relying-party id; defaults to APP_URL's host name. Never taken from a request's Host header. */
  WEBAUTHN_RP_ID: z.string().min(1).optional(),
  WEBAUTHN_RP_NAME: z.string().min(1).default('HEK smart'),
  /** SMTP server for the outbox (smtp://user:pass@host:587 or smtps://…); unset: mails stay in the outbox table. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('HEK Service-Portal <noreply@hek.de>'),
  MAIL_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  // Housekeeping (lib/jobs/cleanup.ts): how often each instance runs it (0: only `npm run cleanup`), and
  // how long ended sessions, sent mails and a letter's deletion notice are kept before deletion.
  CLEANUP_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
  SESSION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  MAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LETTER_DELETION_NOTICE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

export type AppEnv = z.infer<typeof schema> & {
  authSecret: string;
  secureCookies: boolean;
  origin: string;
  rpId: string;
  idpSimulators: boolean;
  demoMailView: boolean;
};

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Whether a URL names this machine: the only place where demo switches may be on. */
export function isLocalUrl(url: URL): boolean {
  return LOCAL_HOSTS.includes(url.hostname) || url.hostname.endsWith('.localhost');
}

/** The demo switches that are on, by their variable's name. */
export function demoSwitchesOn(values: Pick<z.infer<typeof schema>, 'IDP_SIMULATORS' | 'DEMO_MAIL_VIEW' | 'TEST_API_TOKEN' | 'BENCH_ROUTES'>): string[] {
  return [
    values.IDP_SIMULATORS === 'on' && 'IDP_SIMULATORS=on',
    values.DEMO_MAIL_VIEW === '1' && 'DEMO_MAIL_VIEW=1',
    values.TEST_API_TOKEN && 'TEST_API_TOKEN',
    values.BENCH_ROUTES === '1' && 'BENCH_ROUTES=1',
  ].filter((name): name is string => Boolean(name));
}

let cached: AppEnv | undefined;

export function env(): AppEnv {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid portal configuration:\n${problems}`);
  }
  const values = parsed.data;
  const url = new URL(values.APP_URL);
  const switches = demoSwitchesOn(values);
  if (switches.length > 0 && !isLocalUrl(url)) {
    throw new Error(
      `Invalid portal configuration: ${switches.join(', ')} ${switches.length === 1 ? 'is a demo switch' : 'are demo switches'} ` +
        `(simulated identity providers, the mail view, test or benchmark routes) and must be off when APP_URL ` +
        `(${url.origin}) is not a localhost address. Unset ${switches.length === 1 ? 'it' : 'them'} for a deployment.`,
    );
  }
  cached = {
    ...values,
    authSecret: values.NEXTAUTH_SECRET ?? demoSecret(values),
    idpSimulators: values.IDP_SIMULATORS === 'on',
    demoMailView: values.DEMO_MAIL_VIEW === '1',
    secureCookies: url.protocol === 'https:',
    origin: url.origin,
    rpId: values.WEBAUTHN_RP_ID ?? url.hostname,
  };
  return cached;
}

/**
 * Only the embedded demo (no database server configured, or a development build) may run without a
 * configured secret: it gets a random one, kept beside the embedded data so that restarts keep sessions.
 */
function demoSecret(values: z.infer<typeof schema>): string {
  if (values.DATABASE_URL && process.env.NODE_ENV === 'production') {
    throw new Error('NEXTAUTH_SECRET must be set when the portal runs against a database server.');
  }
  const dir = values.PGLITE_DATA_DIR.startsWith('memory://') ? '.data' : path.dirname(path.resolve(values.PGLITE_DATA_DIR));
  const file = path.join(dir, 'demo-auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      // Another process created it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}

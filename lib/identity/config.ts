import 'server-only';
import { z } from 'zod';
import { env } from '@/lib/config/env';

export const PROVIDERS = ['nect', 'eid', 'gesundheitsid'] as const;
export type ProviderId = (typeof PROVIDERS)[number];

export function isProviderId(value: unknown): value is ProviderId {
  return PROVIDERS.some((p) => p === value);
}

export type ProviderConfig = {
  id: ProviderId;
  issuer: string;
  /** Where the member's browser is sent (front channel). */
  authorizeUrl: string;
  /** Called by the portal server-to-server (back channel). */
  tokenUrl: string;
  jwksUrl: string;
  clientId: string;
  clientSecret?: string;
  /** eID and GesundheitsID reach the assurance level "hoch" that smarthealth asks for; Robo-Ident does not. */
  unlocksSmarthealth: boolean;
};

const urlOverride = z.url().optional();
const overrides = z.object({
  ISSUER: urlOverride,
  AUTHORIZE_URL: urlOverride,
  TOKEN_URL: urlOverride,
  JWKS_URL: urlOverride,
  CLIENT_ID: z.string().min(1).optional(),
  CLIENT_SECRET: z.string().min(1).optional(),
});

const cache = new Map<ProviderId, ProviderConfig>();

/**
 * A provider's endpoints. By default the portal's own simulators (app/(idp)); each value can be replaced
 * through IDP_<NECT|EID|GESUNDHEITSID>_<ISSUER|AUTHORIZE_URL|TOKEN_URL|JWKS_URL|CLIENT_ID|CLIENT_SECRET>,
 * so a real Nect, eID service or GesundheitsID provider takes the simulator's place by configuration.
 */
export function providerConfig(id: ProviderId): ProviderConfig {
  const cached = cache.get(id);
  if (cached) return cached;
  const prefix = `IDP_${id.toUpperCase()}_`;
  const raw = Object.fromEntries(Object.keys(overrides.shape).map((key) => [key, process.env[`${prefix}${key}`] || undefined]));
  const parsed = overrides.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${prefix}${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid identity provider configuration:\n${problems}`);
  }
  const o = parsed.data;
  const config = env();
  const internal = (config.IDP_INTERNAL_URL ?? config.origin).replace(/\/$/, '');
  const value: ProviderConfig = {
    id,
    issuer: o.ISSUER ?? simulatorIssuer(id),
    authorizeUrl: o.AUTHORIZE_URL ?? `${config.origin}/idp/${id}/authorize`,
    tokenUrl: o.TOKEN_URL ?? `${internal}/idp/${id}/token`,
    jwksUrl: o.JWKS_URL ?? `${internal}/idp/${id}/jwks`,
    clientId: o.CLIENT_ID ?? config.IDENTITY_CLIENT_ID,
    clientSecret: o.CLIENT_SECRET,
    unlocksSmarthealth: id !== 'nect',
  };
  cache.set(id, value);
  return value;
}

/** The issuer a simulator signs as: its public base URL. */
export function simulatorIssuer(id: ProviderId): string {
  return `${env().origin}/idp/${id}`;
}

export function simulatorsEnabled(): boolean {
  return env().idpSimulators;
}

/** Where the providers send the member back to. */
export function callbackUrl(purpose: 'identify' | 'login'): string {
  return `${env().origin}${purpose === 'identify' ? '/api/identity/callback' : '/api/identity/login/callback'}`;
}

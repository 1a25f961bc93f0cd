import 'server-only';
import { z } from 'zod';
import { env } from '@/lib/config/env';

export const PROVIDERS = ['nect', 'eid', 'gesundheitsid'] as const;
export type ProviderId = (typeof PROVIDERS)[number];

export function isProviderId(value: unknown): value is ProviderId {
  return PROVIDERS.some((p) => p === value);
}

export const CLIENT_AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** eIDAS "hoch" and the gematik's level "high" for the GesundheitsID: what the simulators send for eID and GesundheitsID. */
export const DEFAULT_ACR_HIGH = ['http://eidas.europa.eu/LoA/high', 'gematik-ehealth-loa-high'];

export type ProviderConfig = {
  id: ProviderId;
  /** The issuer identifier: discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientAuth: ClientAuthMethod;
  clientSecret?: string;
  /** JSON of the private JWK for private_key_jwt. */
  clientPrivateJwk?: string;
  scope: string;
  claims: { kvnr: string; givenName: string; familyName: string; birthDate: string };
  /** The `acr` values that count as the assurance level "hoch", which smarthealth needs. */
  acrHigh: string[];
};

const optional = <T extends z.ZodType>(schema: T) => schema.optional();
const claimName = optional(z.string().min(1).max(200));
const settings = z
  .object({
    ISSUER: optional(z.url()),
    CLIENT_ID: optional(z.string().min(1)),
    CLIENT_AUTH: optional(z.enum(CLIENT_AUTH_METHODS)),
    CLIENT_SECRET: optional(z.string().min(1)),
    CLIENT_PRIVATE_JWK: optional(
      z.string().refine((value) => {
        try {
          const jwk = JSON.parse(value) as { d?: unknown; kty?: unknown };
          return typeof jwk.kty === 'string' && typeof jwk.d === 'string';
        } catch {
          return false;
        }
      }, 'a private JWK as JSON'),
    ),
    SCOPE: optional(z.string().refine((s) => s.split(' ').includes('openid'), 'must include openid')),
    CLAIM_KVNR: claimName,
    CLAIM_GIVEN_NAME: claimName,
    CLAIM_FAMILY_NAME: claimName,
    CLAIM_BIRTHDATE: claimName,
    ACR_HIGH: optional(z.string().min(1)),
  })
  .superRefine((s, ctx) => {
    const method = s.CLIENT_AUTH ?? defaultAuth(s);
    if ((method === 'client_secret_basic' || method === 'client_secret_post') && !s.CLIENT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['CLIENT_SECRET'], message: `required for ${method}` });
    }
    if (method === 'private_key_jwt' && !s.CLIENT_PRIVATE_JWK) {
      ctx.addIssue({ code: 'custom', path: ['CLIENT_PRIVATE_JWK'], message: 'required for private_key_jwt' });
    }
  });

function defaultAuth(s: { CLIENT_SECRET?: string; CLIENT_PRIVATE_JWK?: string }): ClientAuthMethod {
  if (s.CLIENT_PRIVATE_JWK) return 'private_key_jwt';
  return s.CLIENT_SECRET ? 'client_secret_basic' : 'none';
}

/**
 * A provider as the portal's OpenID Connect client sees it, from IDP_<NECT|EID|GESUNDHEITSID>_*. Without
 * an issuer it is the portal's own simulator (app/(idp)); a real Nect, eID service or GesundheitsID takes
 * its place by configuration alone. Endpoints and signing algorithms come from the issuer's discovery
 * document, never from here. Read on every call: the values are few and tests change them.
 */
export function providerConfig(id: ProviderId): ProviderConfig {
  const prefix = `IDP_${id.toUpperCase()}_`;
  const raw = Object.fromEntries(Object.keys(settings.shape).map((key) => [key, process.env[`${prefix}${key}`] || undefined]));
  const parsed = settings.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${prefix}${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid identity provider configuration:\n${problems}`);
  }
  const s = parsed.data;
  return {
    id,
    issuer: s.ISSUER ?? simulatorIssuer(id),
    clientId: s.CLIENT_ID ?? env().IDENTITY_CLIENT_ID,
    clientAuth: s.CLIENT_AUTH ?? defaultAuth(s),
    clientSecret: s.CLIENT_SECRET,
    clientPrivateJwk: s.CLIENT_PRIVATE_JWK,
    scope: s.SCOPE ?? 'openid profile',
    claims: {
      kvnr: s.CLAIM_KVNR ?? 'kvnr',
      givenName: s.CLAIM_GIVEN_NAME ?? 'given_name',
      familyName: s.CLAIM_FAMILY_NAME ?? 'family_name',
      birthDate: s.CLAIM_BIRTHDATE ?? 'birthdate',
    },
    acrHigh: s.ACR_HIGH ? s.ACR_HIGH.split(',').map((v) => v.trim()).filter(Boolean) : DEFAULT_ACR_HIGH,
  };
}

/** The issuer a simulator signs as: its public base URL. */
export function simulatorIssuer(id: ProviderId): string {
  return `${env().origin}/idp/${id}`;
}

/** Whether the provider is the portal's own simulator (no IDP_<P>_ISSUER of another provider). */
export function isSimulated(config: ProviderConfig): boolean {
  return config.issuer === simulatorIssuer(config.id);
}

export function simulatorsEnabled(): boolean {
  return env().idpSimulators;
}

/** Where the providers send the member back to. */
export function callbackUrl(purpose: 'identify' | 'login'): string {
  return `${env().origin}${purpose === 'identify' ? '/api/identity/callback' : '/api/identity/login/callback'}`;
}

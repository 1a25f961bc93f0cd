import 'server-only';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { callbackUrl, providerConfig, simulatorIssuer, type ProviderId } from '../config';
import { safeEqual } from '../crypto';

/** The assurance level each simulated provider vouches for (eIDAS / gematik terms): Robo-Ident is not "hoch". */
export const SIMULATED_ACR: Record<ProviderId, string> = {
  nect: 'http://eidas.europa.eu/LoA/substantial',
  eid: 'http://eidas.europa.eu/LoA/high',
  gesundheitsid: 'gematik-ehealth-loa-high',
};

const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The one client a simulator knows: the portal, registered with the settings its client uses (config.ts). */
export function registeredClient(provider: ProviderId) {
  const config = providerConfig(provider);
  return { ...config, redirectUris: [callbackUrl('identify'), callbackUrl('login')] };
}

/** The simulator's OpenID Provider metadata (OpenID Connect Discovery 1.0). */
export function discoveryDocument(provider: ProviderId) {
  const issuer = simulatorIssuer(provider);
  const client = registeredClient(provider);
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    scopes_supported: ['openid', 'profile'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['ES256'],
    token_endpoint_auth_methods_supported: [client.clientAuth],
    ...(client.clientAuth === 'private_key_jwt' ? { token_endpoint_auth_signing_alg_values_supported: ['ES256', 'RS256', 'PS256', 'EdDSA'] } : {}),
    code_challenge_methods_supported: ['S256'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'acr', 'amr', 'given_name', 'family_name', 'birthdate', 'kvnr'],
    acr_values_supported: [SIMULATED_ACR[provider]],
  };
}

/**
 * Client authentication at the token endpoint, by the method the client is registered with:
 * none (public client, PKCE only), client_secret_basic, client_secret_post or private_key_jwt.
 */
export async function authenticateClient(provider: ProviderId, form: URLSearchParams, authorization: string | null): Promise<boolean> {
  const client = registeredClient(provider);
  switch (client.clientAuth) {
    case 'none':
      return form.get('client_id') === client.clientId && !authorization && !form.has('client_secret') && !form.has('client_assertion');
    case 'client_secret_post':
      return form.get('client_id') === client.clientId && !authorization && safeEqual(form.get('client_secret') ?? '', client.clientSecret ?? '');
    case 'client_secret_basic': {
      const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? '');
      if (!basic?.[1] || form.has('client_secret')) return false;
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return false;
      // RFC 6749 2.3.1: both parts are form-urlencoded before they are joined.
      const unform = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
      try {
        const [id, secret] = [unform(decoded.slice(0, colon)), unform(decoded.slice(colon + 1))];
        return id === client.clientId && (!form.has('client_id') || form.get('client_id') === id) && safeEqual(secret, client.clientSecret ?? '');
      } catch {
        return false;
      }
    }
    case 'private_key_jwt': {
      if (form.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE || authorization) return false;
      const publicJwk = publicPart(JSON.parse(client.clientPrivateJwk ?? '{}') as JWK);
      const alg = publicJwk.alg ?? (publicJwk.kty === 'RSA' ? 'RS256' : 'ES256');
      try {
        const issuer = simulatorIssuer(provider);
        await jwtVerify(form.get('client_assertion') ?? '', await importJWK({ ...publicJwk, alg }, alg), {
          issuer: client.clientId,
          subject: client.clientId,
          audience: [issuer, `${issuer}/token`],
          algorithms: [alg],
          requiredClaims: ['exp'],
          maxTokenAge: '5m',
        });
        return !form.has('client_id') || form.get('client_id') === client.clientId;
      } catch {
        return false;
      }
    }
  }
}

/** The public members of a JWK (RSA, EC, OKP): what the provider may know of the client's key. */
function publicPart(jwk: JWK): JWK {
  const { kty, crv, x, y, n, e, kid, alg } = jwk;
  return Object.fromEntries(Object.entries({ kty, crv, x, y, n, e, kid, alg }).filter(([, v]) => v !== undefined));
}

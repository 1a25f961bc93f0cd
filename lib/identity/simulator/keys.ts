import 'server-only';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { prisma } from '@/lib/db';
import type { ProviderId } from '../config';

export type SigningKey = { kid: string; privateKey: CryptoKey; publicJwk: JWK };

const cache = new Map<ProviderId, Promise<SigningKey>>();

/**
 * A simulated provider's ES256 key: from IDP_SIMULATOR_<PROVIDER>_PRIVATE_JWK when set, otherwise generated
 * once per installation and kept in the database, so that every instance of the portal signs alike.
 */
export function signingKey(provider: ProviderId): Promise<SigningKey> {
  let key = cache.get(provider);
  if (!key) {
    key = loadOrCreate(provider);
    cache.set(provider, key);
    key.catch(() => cache.delete(provider));
  }
  return key;
}

async function loadOrCreate(provider: ProviderId): Promise<SigningKey> {
  const configured = process.env[`IDP_SIMULATOR_${provider.toUpperCase()}_PRIVATE_JWK`];
  if (configured) return fromPrivateJwk(JSON.parse(configured) as JWK);

  const stored = await prisma.idpSigningKey.findUnique({ where: { provider } });
  if (stored) return fromPrivateJwk(stored.privateJwk as JWK);

  const pair = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = await exportJWK(pair.privateKey);
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  // Two instances starting at once: the first row wins and both use it.
  await prisma.idpSigningKey.createMany({
    data: [{ provider, kid, privateJwk: { ...privateJwk, kid, alg: 'ES256' }, publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' } }],
    skipDuplicates: true,
  });
  const row = await prisma.idpSigningKey.findUniqueOrThrow({ where: { provider } });
  return fromPrivateJwk(row.privateJwk as JWK);
}

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  const publicPart: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicPart));
  const privateKey = (await importJWK({ ...jwk, alg: 'ES256' }, 'ES256')) as CryptoKey;
  return { kid, privateKey, publicJwk: { ...publicPart, kid, alg: 'ES256', use: 'sig' } };
}

/** The provider's JSON Web Key Set, as its JWKS endpoint publishes it. */
export async function publicJwks(provider: ProviderId): Promise<{ keys: JWK[] }> {
  return { keys: [(await signingKey(provider)).publicJwk] };
}

// A software passkey authenticator for integration tests: a P-256 key in node:crypto, authenticator
// data and attestation built by hand, CBOR by SimpleWebAuthn's own encoder. It answers the options the
// portal hands out the way a browser with a platform authenticator would.
import crypto from 'node:crypto';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

const b64 = (bytes: Uint8Array | Buffer) => isoBase64URL.fromBuffer(new Uint8Array(bytes));

export type SoftPasskey = { credentialId: Uint8Array; privateKey: crypto.KeyObject; userHandle: string; counter: number };

export type CeremonyOptions = { origin?: string; rpId?: string; userVerified?: boolean; counter?: number };

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  return Buffer.concat([crypto.createHash('sha256').update(rpId).digest(), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

function clientData(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** navigator.credentials.create(): a new discoverable P-256 credential for the options' user. */
export function createPasskey(options: PublicKeyCredentialCreationOptionsJSON, ceremony: CeremonyOptions = {}) {
  const origin = ceremony.origin ?? 'http://localhost:3000';
  const rpId = ceremony.rpId ?? options.rp.id ?? 'localhost';
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const cose = isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'))],
      [-3, new Uint8Array(Buffer.from(jwk.y ?? '', 'base64url'))],
    ]),
  );
  const credentialId = new Uint8Array(crypto.randomBytes(16));
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(credentialId.length);
  const attested = Buffer.concat([Buffer.alloc(16), idLength, credentialId, cose]);
  const flags = FLAG_UP | FLAG_AT | (ceremony.userVerified === false ? 0 : FLAG_UV);
  const authData = authenticatorData(rpId, flags, 0, attested);
  const attestationObject = isoCBOR.encode(
    new Map<string, string | Uint8Array | Map<string, string>>([
      ['fmt', 'none'],
      ['attStmt', new Map<string, string>()],
      ['authData', new Uint8Array(authData)],
    ]),
  );
  const passkey: SoftPasskey = { credentialId, privateKey, userHandle: options.user.id, counter: 0 };
  const response = {
    id: b64(credentialId),
    rawId: b64(credentialId),
    type: 'public-key' as const,
    response: {
      clientDataJSON: b64(clientData('webauthn.create', options.challenge, origin)),
      attestationObject: b64(attestationObject),
      transports: ['internal'],
    },
    clientExtensionResults: {},
  };
  return { passkey, response };
}

/** navigator.credentials.get(): a signed assertion over the options' challenge. */
export function assertPasskey(passkey: SoftPasskey, options: PublicKeyCredentialRequestOptionsJSON, ceremony: CeremonyOptions = {}) {
  const origin = ceremony.origin ?? 'http://localhost:3000';
  const rpId = ceremony.rpId ?? options.rpId ?? 'localhost';
  const flags = FLAG_UP | (ceremony.userVerified === false ? 0 : FLAG_UV);
  const authData = authenticatorData(rpId, flags, ceremony.counter ?? passkey.counter);
  const data = clientData('webauthn.get', options.challenge, origin);
  const signature = crypto.sign('sha256', Buffer.concat([authData, crypto.createHash('sha256').update(data).digest()]), passkey.privateKey);
  return {
    id: b64(passkey.credentialId),
    rawId: b64(passkey.credentialId),
    type: 'public-key' as const,
    response: {
      clientDataJSON: b64(data),
      authenticatorData: b64(authData),
      signature: b64(signature),
      userHandle: passkey.userHandle,
    },
    clientExtensionResults: {},
  };
}

'use client';

// The bound browser's key lives in IndexedDB: a CryptoKey object is stored as it is (structured clone),
// so the non-extractable private key never exists as bytes that a script could read or send.

const DB_NAME = 'hek-smart-device';
const STORE = 'keys';

export type StoredDeviceKey = { memberId: string; deviceId: string; privateKey: CryptoKey };

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'memberId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

export function loadDeviceKey(memberId: string): Promise<StoredDeviceKey | undefined> {
  return withStore<StoredDeviceKey | undefined>('readonly', (store) => store.get(memberId) as IDBRequest<StoredDeviceKey | undefined>);
}

export async function saveDeviceKey(key: StoredDeviceKey): Promise<void> {
  await withStore('readwrite', (store) => store.put(key));
}

export async function deleteDeviceKey(memberId: string): Promise<void> {
  await withStore('readwrite', (store) => store.delete(memberId));
}

/** A new P-256 key pair whose private half cannot be exported. */
export function generateDeviceKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
}

/** The same message the server checks (lib/identity/devices.ts deviceChallengeMessage). */
export async function signChallenge(privateKey: CryptoKey, challenge: string): Promise<string> {
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, new TextEncoder().encode(`hek-smart-device-login:${challenge}`));
  return base64url(new Uint8Array(signature));
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// The pages and route handlers of the production build, read from its own manifests (.next/server), so
// that a suite walking them cannot miss a new one. Who a page is for follows from its route group:
// (public), (legal) and (idp) are open, (member) needs a session, (member)/(smart) needs smart access in
// this session, admin/ needs staff (but admin/(public)/: the staff login and first-passkey registration).
import fs from 'node:fs';
import path from 'node:path';

const serverDir = path.resolve(__dirname, '..', '..', '.next', 'server');

/** A well-formed id that belongs to nobody. */
export const randomId = '7d4f3c1e-2b9a-4e6f-8a1d-0c5b9e2f4a73';

export type Kind = 'public' | 'member' | 'smart' | 'staff';
export type Entry = { key: string; route: string; kind: Kind };

export function kindOf(key: string): Kind {
  if (key.startsWith('/(member)/(smart)/') || key.startsWith('app/(member)/(smart)/')) return 'smart';
  if (key.startsWith('/(member)/') || key.startsWith('app/(member)/')) return 'member';
  if (key.startsWith('/admin/(public)/') || key.startsWith('app/admin/(public)/')) return 'public';
  if (key.startsWith('/admin') || key.startsWith('app/admin')) return 'staff';
  return 'public';
}

/** The URL path of a manifest route: groups removed, each dynamic segment filled with a sample value. */
export function urlOf(route: string, fill: (param: string) => string = () => randomId): string {
  const segments = route
    .split('/')
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const dynamic = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment);
      return dynamic ? fill(dynamic[1]!) : segment;
    });
  return `/${segments.join('/')}`;
}

export function isDynamic(route: string): boolean {
  return /\[[^\]]+\]/.test(route);
}

export function readManifest<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(serverDir, file), 'utf8')) as T;
}

/** The build's keys, Next's own not-found and global-error pages left out. */
function appKeys(): string[] {
  return Object.keys(readManifest<Record<string, string>>('app-paths-manifest.json')).filter((key) => !key.startsWith('/_'));
}

/** Every page of the build. */
export function buildPages(): Entry[] {
  return appKeys()
    .filter((key) => key.endsWith('/page'))
    .map((key) => ({ key, route: key.slice(0, -'/page'.length) || '/', kind: kindOf(key) }));
}

/** Every route handler of the build, with the group it sits in. */
export function buildHandlers(): { key: string; route: string; groupKind: Kind }[] {
  return appKeys()
    .filter((key) => key.endsWith('/route'))
    .map((key) => ({ key, route: key.slice(0, -'/route'.length), groupKind: kindOf(key) }));
}

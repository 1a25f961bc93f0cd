import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The browser gets only the messages a route's layout picks (components/shell/ClientMessages.tsx). This
// test follows every page's imports to the client components it renders and checks that each namespace
// they read with useTranslations() is picked by the nearest layout whose ClientMessages wraps the page.
const root = process.cwd();
const appDir = path.join(root, 'app');

function resolveImport(spec: string, from: string): string | undefined {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return undefined;
  return ['.tsx', '.ts', '/index.tsx', '/index.ts', ''].map((ext) => base + ext).find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

/** Namespaces read by client components that `file` renders (its imports, followed outside lib/). */
function clientNamespaces(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(file)) return found;
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  if (/^['"]use client['"]/m.test(source)) {
    for (const match of source.matchAll(/useTranslations\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(match[1] as string);
  }
  for (const match of source.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
    const target = resolveImport(match[1] as string, file);
    if (target && !target.startsWith(path.join(root, 'lib') + path.sep)) for (const ns of clientNamespaces(target, seen)) found.add(ns);
  }
  // A component that wraps what it renders in a ClientMessages of its own provides those namespaces.
  for (const provided of providedBy(source)) for (const ns of [...found]) if (ns === provided || ns.startsWith(`${provided}.`)) found.delete(ns);
  return found;
}

function providedBy(source: string): string[] {
  return [...source.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}>/g)].flatMap((match) =>
    [...(match[1] as string).matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1] as string),
  );
}

/** The namespaces a layout's ClientMessages gives its children, or undefined if it wraps no {children}. */
function pickedForChildren(layout: string): string[] | undefined {
  const source = fs.readFileSync(layout, 'utf8');
  for (const match of source.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}>([\s\S]*?)<\/ClientMessages>/g)) {
    if ((match[2] as string).includes('{children}')) return [...(match[1] as string).matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
  }
  return undefined;
}

function filesNamed(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

const pages = (dir: string) => filesNamed(dir, 'page.tsx');

/** What the nearest wrapping ClientMessages of the layouts from `dir` upwards gives. */
function pickedAbove(dir: string): string[] | undefined {
  let picked: string[] | undefined;
  for (;;) {
    const layout = path.join(dir, 'layout.tsx');
    if (fs.existsSync(layout)) picked ??= pickedForChildren(layout);
    if (dir === appDir) return picked;
    dir = path.dirname(dir);
  }
}

describe('messages sent to the browser', () => {
  const all = pages(appDir);

  it('finds the pages', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  for (const page of all) {
    const route = path.relative(appDir, path.dirname(page)) || '/';
    it(`${route}: every client component finds its messages`, () => {
      // The page and its layouts render client components; the nearest wrapping ClientMessages provides.
      let dir = path.dirname(page);
      let picked: string[] | undefined;
      const rendered = clientNamespaces(page);
      for (;;) {
        const layout = path.join(dir, 'layout.tsx');
        if (fs.existsSync(layout)) {
          picked ??= pickedForChildren(layout);
        }
        if (dir === appDir) break;
        dir = path.dirname(dir);
      }
      const covered = (ns: string) => (picked ?? []).some((p) => ns === p || ns.startsWith(`${p}.`));
      const missing = [...rendered].filter((ns) => !covered(ns));
      expect(missing, `add them to a <ClientMessages namespaces={[…]}> in a layout of ${route}`).toEqual([]);
    });
  }

  // A layout's own client components (a banner above {children}) read what the layouts above it give.
  for (const layout of filesNamed(appDir, 'layout.tsx')) {
    const route = path.relative(appDir, path.dirname(layout)) || '/';
    it(`${route} layout: its own client components find their messages`, () => {
      const dir = path.dirname(layout);
      const picked = dir === appDir ? [] : (pickedAbove(path.dirname(dir)) ?? []);
      const own = pickedForChildren(layout) ?? [];
      const source = fs.readFileSync(layout, 'utf8');
      const rendered = clientNamespaces(layout);
      // Namespaces the layout hands to {children} count for components inside that ClientMessages only;
      // a layout that puts its own components inside it is covered by its pick as well.
      const covered = (ns: string) => [...picked, ...(source.includes('<ClientMessages') ? own : [])].some((p) => ns === p || ns.startsWith(`${p}.`));
      const missing = [...rendered].filter((ns) => !covered(ns));
      expect(missing, `wrap them in a <ClientMessages namespaces={[…]}> (in the component or a layout above ${route})`).toEqual([]);
    });
  }
});

#!/usr/bin/env node
// Fails when a production dependency, direct or transitive, is under a copyleft licence (GPL, AGPL,
// LGPL, SSPL, EUPL). Reads package-lock.json (the tree `npm ci --omit=dev` installs: every package not
// marked `dev`) and each package's licence from the lockfile or, where the lockfile has none, from the
// installed package.json. A package without any licence fails as well: it cannot be checked.
//
//   node scripts/check-licences.mjs [path/to/package-lock.json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const COPYLEFT = /\b(A?GPL|LGPL|SSPL|EUPL)\b|GNU (Affero |Lesser |Library )?General Public/i;

// Reviewed exceptions, each bound to the licence it was reviewed under (a changed licence fails again).
// libvips is the image library of sharp, which next installs as an optional dependency for image
// optimisation (the portal uses no next/image). It is a prebuilt shared library loaded unchanged, which
// the LGPL permits without putting the portal under it.
export const EXCEPTIONS = [
  { name: /^@img\/sharp-libvips-[a-z0-9-]+$/, licence: 'LGPL-3.0-or-later', reason: 'libvips for sharp (next): LGPL shared library, used unchanged' },
  { name: /^@img\/sharp-(wasm32|win32-[a-z0-9]+)$/, licence: /^Apache-2\.0 AND LGPL-3\.0-or-later( AND MIT)?$/, reason: 'sharp with libvips bundled (next): LGPL shared library, used unchanged' },
];

/** Whether an SPDX expression forces copyleft: every alternative of an OR contains a copyleft term. */
export function isCopyleft(expression) {
  const alternatives = expression.replace(/[()]/g, ' ').split(/\s+OR\s+/i);
  return alternatives.every((alternative) => alternative.split(/\s+(?:AND|WITH)\s+/i).some((term) => COPYLEFT.test(term)));
}

/** The licence a package declares: `license` (string or { type }), or the old `licenses` array. */
export function declaredLicence(manifest) {
  const { license, licenses } = manifest ?? {};
  if (typeof license === 'string' && license.trim()) return license.trim();
  if (license && typeof license.type === 'string') return license.type;
  if (Array.isArray(licenses) && licenses.length > 0) return licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  return null;
}

/** A licence read off a LICENSE file, for packages whose manifest declares none. */
export function licenceFromText(text) {
  if (/GNU (AFFERO |LESSER |LIBRARY )?GENERAL PUBLIC LICENSE/i.test(text)) return 'GPL-family (LICENSE file)';
  if (/Permission is hereby granted, free of charge/i.test(text)) return 'MIT (LICENSE file)';
  if (/Permission to use, copy, modify, and\/or distribute this software/i.test(text)) return 'ISC (LICENSE file)';
  if (/Apache License,? Version 2\.0/i.test(text)) return 'Apache-2.0 (LICENSE file)';
  if (/Redistribution and use in source and binary forms/i.test(text)) return 'BSD (LICENSE file)';
  return null;
}

function licenceOnDisk(dir) {
  const manifest = path.join(dir, 'package.json');
  if (fs.existsSync(manifest)) {
    const declared = declaredLicence(JSON.parse(fs.readFileSync(manifest, 'utf8')));
    if (declared) return declared;
  }
  if (!fs.existsSync(dir)) return null;
  const file = fs.readdirSync(dir).find((f) => /^(LICEN[CS]E|COPYING)(\..*)?$/i.test(f));
  return file ? licenceFromText(fs.readFileSync(path.join(dir, file), 'utf8')) : null;
}

/** Production packages of a lockfile (v2/v3) with their licence: [{ name, version, licence }]. */
export function productionPackages(lockfile, projectDir) {
  const result = [];
  for (const [location, entry] of Object.entries(lockfile.packages ?? {})) {
    if (location === '' || entry.dev || entry.link) continue;
    const name = entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
    let licence = declaredLicence(entry);
    if (!licence && projectDir) licence = licenceOnDisk(path.join(projectDir, location));
    result.push({ name, version: entry.version ?? '?', location, licence });
  }
  return result;
}

export function exceptionFor(pkg) {
  return EXCEPTIONS.find((e) => e.name.test(pkg.name) && (typeof e.licence === 'string' ? e.licence === pkg.licence : e.licence.test(pkg.licence ?? '')));
}

/** The packages that make the check fail: copyleft (unless a reviewed exception) or no licence at all. */
export function licenceProblems(packages) {
  return packages.filter((p) => p.licence === null || (isCopyleft(p.licence) && !exceptionFor(p)));
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const lockPath = path.resolve(process.argv[2] ?? path.join(root, 'package-lock.json'));
  const lockfile = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
  if (!lockfile.packages) {
    console.error(`${lockPath}: lockfile version ${lockfile.lockfileVersion} has no "packages"; run npm install with npm 7 or newer.`);
    process.exit(2);
  }
  const packages = productionPackages(lockfile, path.dirname(lockPath));
  const problems = licenceProblems(packages);
  if (problems.length > 0) {
    console.error(`Licence check failed: ${problems.length} of ${packages.length} production packages are copyleft or unlicensed:`);
    for (const p of problems) console.error(`  ${p.name}@${p.version} (${p.location}): ${p.licence ?? 'no licence declared'}`);
    process.exit(1);
  }
  const excepted = packages.filter((p) => p.licence && isCopyleft(p.licence) && exceptionFor(p));
  for (const p of excepted) console.log(`  allowed: ${p.name}@${p.version} (${p.licence}): ${exceptionFor(p).reason}`);
  console.log(`Licence check passed: ${packages.length} production packages, none under GPL, AGPL, LGPL, SSPL or EUPL except ${excepted.length} reviewed above.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksumMatches, migrationChecksum } from './migrations-folder';

const script = '-- CreateTable\nCREATE TABLE "Ä" ("id" INTEGER);\n';

describe('migration checksums', () => {
  it('is the SHA-256 of the UTF-8 script in lower-case hex, as Prisma stores it', () => {
    expect(migrationChecksum(script)).toBe(createHash('sha256').update(Buffer.from(script, 'utf8')).digest('hex'));
    expect(migrationChecksum('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches the same script with other line endings, and nothing else', () => {
    const checksum = migrationChecksum(script);
    expect(checksumMatches(script, checksum)).toBe(true);
    expect(checksumMatches(script.replace(/\n/g, '\r\n'), checksum)).toBe(true);
    expect(checksumMatches(script, migrationChecksum(script.replace(/\n/g, '\r\n')))).toBe(true);
    expect(checksumMatches(`${script} `, checksum)).toBe(false);
  });

  it('matches the unpadded hex that old Prisma versions wrote', () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest();
    // Find a script whose digest has a byte below 0x10, where the old form is shorter than 64.
    let candidate = script;
    for (let i = 0; sha256(candidate).every((byte) => byte >= 0x10); i++) candidate = `${script}-- ${i}\n`;
    const legacy = Array.from(sha256(candidate), (byte) => byte.toString(16)).join('');
    expect(legacy.length).toBeLessThan(64);
    expect(checksumMatches(candidate, legacy)).toBe(true);
    expect(checksumMatches(`${candidate} `, legacy)).toBe(false);
  });
});

import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { passwordLengthProblem } from '@/lib/security/password-rules';

export type PasswordProblem = 'too_short' | 'too_long' | 'common';

let commonPasswords: Set<string> | undefined;

/**
 * Lower case without spaces, hyphens, underscores and dots, so that "Sommer-2024!" is found as
 * "sommer2024!". The list file is stored in the same form.
 */
export function normalisePassword(password: string): string {
  return password.toLowerCase().replace(/[\s\-_.]/g, '');
}

function loadCommonPasswords(): Set<string> {
  if (commonPasswords) return commonPasswords;
  const file = path.join(process.cwd(), 'lib', 'auth', 'common-passwords.txt');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  commonPasswords = new Set(lines.filter((line) => line && !line.startsWith('#')));
  return commonPasswords;
}

/**
 * The password rule for registration and password changes: at least 12 and at most 128 characters,
 * no composition rules, and not on the shipped list of common and breached-pattern passwords.
 */
export function checkPasswordPolicy(password: string): PasswordProblem | null {
  const lengthProblem = passwordLengthProblem(password);
  if (lengthProblem) return lengthProblem;
  return loadCommonPasswords().has(normalisePassword(password)) ? 'common' : null;
}

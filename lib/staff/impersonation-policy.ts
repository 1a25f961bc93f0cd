/**
 * Pages staff never open during an "Ansicht als Mitglied", even to read: smarthealth (health data), the
 * security settings (password, passkeys, bound browsers, sessions), bank accounts, the email address and
 * the data export, the digitale Gesundheitskarte (a credential of the member), and the member's Anträge with
 * their health details. Changes of any kind are refused anyway (lib/staff/impersonation.ts); this list
 * keeps the reading out too. A prefix matches the page and everything below it.
 */
export const OUT_OF_BOUNDS_PREFIXES = [
  '/smarthealth',
  '/gesundheit',
  '/profil/sicherheit',
  '/profil/bank',
  '/profil/bankverbindung',
  '/profil/email',
  '/profil/e-mail',
  '/profil/daten',
  '/profil/export',
  '/profil/gesundheitskarte',
  '/antraege',
  '/api/health-card',
  '/api/passkeys',
  '/api/device',
  '/api/identity',
] as const;

export function isForbiddenDuringImpersonation(path: string): boolean {
  const normalised = path.toLowerCase().replace(/\/+$/, '') || '/';
  return OUT_OF_BOUNDS_PREFIXES.some((prefix) => normalised === prefix || normalised.startsWith(`${prefix}/`));
}

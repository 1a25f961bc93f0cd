// Logins of members that `npm run db:seed` creates (scripts/db/seed.ts; listed in the README).
// Tests that change a member's data should seed a member of their own instead of using these.

export type DemoLogin = { kvnr: string; password: string };

/** A member who uses the smart portal. */
export const DEMO_SMART: DemoLogin = { kvnr: 'TODO', password: 'TODO' };

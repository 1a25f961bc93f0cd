// Logins of members that `npm run db:seed` creates (prisma/seed/demo.ts; listed in the README).
// Tests that change a member's data should create a member of their own (test-api.ts) instead.

export type DemoLogin = { kvnr: string; password: string; name: string };

const password = 'Demo-Passwort-2026';

/** A member who uses the smart portal. */
export const DEMO_SMART: DemoLogin = { kvnr: 'S100000013', password, name: 'Anna Schmidt' };
/** A member with the basic version only. */
export const DEMO_BASIC: DemoLogin = { kvnr: 'B500000062', password, name: 'Jonas Weber' };
/** A smart member with smarthealth unlocked. */
export const DEMO_SMARTHEALTH: DemoLogin = { kvnr: 'Y300000032', password, name: 'Mehmet Yılmaz' };
/** A smart member whose child is family insured through her. */
export const DEMO_FAMILY: DemoLogin = { kvnr: 'F400000045', password, name: 'Laura Fischer' };

import { z } from 'zod';

export const staffRoles = ['SUPPORT_AGENT', 'SUPERVISOR', 'ADMINISTRATOR'] as const;

/** The administrator's form "Mitarbeiter anlegen" (and npm run staff:create). */
export const createStaffSchema = z.object({
  email: z.email('email').max(200).transform((email) => email.toLowerCase()),
  name: z.string().trim().min(2, 'name').max(120, 'name'),
  role: z.enum(staffRoles),
});

/** The console's member search: a KVNR, a name or an email address. */
export const memberSearchSchema = z.object({ q: z.string().trim().min(2).max(100) });

export const staffAnswerSchema = z.object({
  conversationId: z.uuid(),
  body: z.string().trim().min(1, 'body').max(5000, 'body'),
});

/** "Ansicht als Mitglied" starten: a reason and a ticket or conversation reference (plus a passkey confirmation). */
export const startImpersonationSchema = z.object({
  memberId: z.uuid(),
  reason: z.string().trim().min(10, 'reason_short').max(500),
  reference: z.string().trim().min(3, 'reference_short').max(120),
});

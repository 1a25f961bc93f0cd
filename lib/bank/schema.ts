import { z } from 'zod';
import { checkIban } from './iban';

// The form "Neue Bankverbindung", shared by the form and the server action. Messages are catalogue keys
// in the "bank" namespace (bank.validation.*). The dates the server accepts also depend on today and on
// the accounts already given: lib/bank/commands.ts checks those.

export const addBankAccountSchema = z.object({
  iban: z.string().superRefine((value, ctx) => {
    const checked = checkIban(value);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: `iban.${checked.problem}` });
  }),
  accountHolder: z.string().trim().min(2, 'holder').max(120, 'too_long'),
  bic: z.string().trim().max(11, 'bic'),
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
  requestKey: z.uuid(),
});

export type AddBankAccountInput = z.input<typeof addBankAccountSchema>;

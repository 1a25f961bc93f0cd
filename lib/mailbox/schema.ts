import { z } from 'zod';
import { safeText } from '@/lib/security/safe-text';
import { letterCategories } from './choices';

export { letterCategories };
export type { LetterCategoryName } from './choices';

// Shared by the forms (lazyZodResolver) and the server actions (safeParse). Messages are catalogue keys in
// the "mailbox" namespace, under "validation".

export const mailboxTabs = ['inbox', 'sent', 'archive'] as const;
export type MailboxTab = (typeof mailboxTabs)[number];

const idempotencyKey = z.uuid('validation.form');

export const replySchema = z.object({
  letterId: z.uuid('validation.form'),
  text: safeText().trim().min(1, 'validation.textRequired').max(5000, 'validation.textTooLong'),
  idempotencyKey,
});
export type ReplyInput = z.input<typeof replySchema>;

export const submissionSchema = z.object({
  category: z.enum(letterCategories, 'validation.categoryRequired'),
  subject: safeText().trim().min(1, 'validation.subjectRequired').max(200, 'validation.subjectTooLong'),
  text: safeText().trim().max(5000, 'validation.textTooLong'),
  idempotencyKey,
});
export type SubmissionInput = z.input<typeof submissionSchema>;

/**
 * The Postfach's filters, read from the URL; anything malformed falls back to "no filter". No parameter is no
 * error: a caught error builds a ZodError with its stack, about 0.1 ms of every plain Postfach view.
 */
export const listFilterSchema = z.object({
  tab: z.enum(mailboxTabs).default('inbox').catch('inbox'),
  category: z.enum(letterCategories).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  q: safeText().trim().max(100).optional().catch(undefined),
  cursor: safeText().max(200).optional().catch(undefined),
});
export type ListFilter = z.output<typeof listFilterSchema>;

import { z } from 'zod';

// Messages are keys under "legal.accessibility.form.errors", translated where they are shown.
const optional = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => v || undefined);

/** The barrier report on /barrierefreiheit; the form and the server parse with this one schema. */
export const accessibilityFeedbackSchema = z.object({
  name: optional(200, 'tooLong'),
  email: optional(254, 'email').refine((v) => v === undefined || z.email().safeParse(v).success, 'email'),
  page: optional(200, 'tooLong'),
  message: z.string().trim().min(1, 'messageRequired').max(5000, 'messageTooLong'),
  requestKey: z.uuid('form'),
});

export type AccessibilityFeedbackInput = z.input<typeof accessibilityFeedbackSchema>;

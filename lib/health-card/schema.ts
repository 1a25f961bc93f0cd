import { z } from 'zod';
import { ORDER_REASONS } from './choices';

export { ORDER_REASONS };

// Messages are keys in the "healthCard" namespace (errors.*), translated where they are shown.
const requestKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'errors.retry');

export const requestReplacementSchema = z.object({ requestKey });

export const sendReplacementSchema = z
  .object({
    cardId: z.uuid('errors.retry'),
    recipient: z.enum(['self', 'other'], 'errors.recipient'),
    email: z.string().trim().max(254, 'errors.email').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.recipient === 'other' && !z.email().safeParse(value.email ?? '').success) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'errors.email' });
    }
  });

export type SendReplacementInput = z.input<typeof sendReplacementSchema>;

export const orderHealthCardSchema = z.object({
  reason: z.enum(ORDER_REASONS, 'errors.reason'),
  requestKey,
});

export type OrderHealthCardInput = z.input<typeof orderHealthCardSchema>;

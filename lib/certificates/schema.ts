import { z } from 'zod';

// Messages are keys in the "certificates" namespace (form.errors.*), translated where they are shown.
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'form.errors.date');

export const issueCertificateSchema = z
  .object({
    kind: z.enum(['MEMBERSHIP', 'INSURANCE_PERIODS'], 'form.errors.kind'),
    periodFrom: z.string().optional(),
    periodTo: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== 'INSURANCE_PERIODS') return;
    const from = calendarDate.safeParse(value.periodFrom ?? '');
    const to = calendarDate.safeParse(value.periodTo ?? '');
    if (!from.success) ctx.addIssue({ code: 'custom', path: ['periodFrom'], message: 'form.errors.date' });
    if (!to.success) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'form.errors.date' });
    if (from.success && to.success && from.data > to.data) {
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'form.errors.order' });
    }
  });

export type IssueCertificateInput = z.input<typeof issueCertificateSchema>;

export const verifyCodeSchema = z.object({ code: z.string().trim().min(1, 'errors.required').max(40, 'errors.format') });

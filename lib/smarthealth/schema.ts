import { z } from 'zod';

export const billedServiceKinds = ['DOCTOR_VISIT', 'PRESCRIPTION', 'HOSPITAL_STAY'] as const;
export type BilledServiceKindName = (typeof billedServiceKinds)[number];

/** The Patientenquittung's filters, from the page's query string or the PDF link. */
export const receiptFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  kind: z.enum(billedServiceKinds).optional().catch(undefined),
});

export type ReceiptFilter = z.infer<typeof receiptFilterSchema>;

import { z } from 'zod';
import { technicalDataFields } from './choices';

export { technicalDataFields };

/**
 * The technical data the page "Technische Daten" shows, as the browser reports it, and as it is stored
 * with a support message (SupportMessage.technicalData) when the member chooses to attach it. Every field
 * is a short display string; nothing here identifies the member beyond what they see on the page.
 */
export const technicalDataSchema = z.object({
  version: z.string().max(40),
  build: z.string().max(40),
  browser: z.string().max(80),
  os: z.string().max(80),
  deviceType: z.string().max(40),
  screen: z.string().max(40),
  language: z.string().max(80),
  timeZone: z.string().max(60),
  connection: z.string().max(60),
});

export type TechnicalData = z.infer<typeof technicalDataSchema>;

// Messages are catalogue keys in the "support" namespace (support.validation.*).
export const supportMessageSchema = z.object({
  subject: z.string().trim().min(3, 'subject').max(200, 'too_long'),
  text: z.string().trim().min(10, 'text').max(5000, 'too_long'),
  /** "Versichertennummer und technische Daten mitsenden". */
  attach: z.boolean(),
  /** Sent only when `attach` is ticked; the server stores exactly what the form showed. */
  technicalData: technicalDataSchema.nullable(),
  requestKey: z.uuid(),
});

export type SupportMessageInput = z.input<typeof supportMessageSchema>;

export const supportAnswerSchema = z.object({ text: z.string().trim().min(1, 'text').max(5000, 'too_long') });

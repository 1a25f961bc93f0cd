import 'server-only';
import { renderLetter } from '@/lib/pdf/pool';
import type { LetterSpec } from '@/lib/pdf/types';

export type { LetterSpec };

/**
 * A letter of the insurer as PDF, laid out by the PDF workers (lib/pdf/document.mjs) with the embedded
 * DejaVu Sans, regular and bold, so that every name prints as written (Łukasz Wołoszyn, Dvořák, Ελένη).
 */
export function renderLetterPdf(spec: LetterSpec): Promise<Uint8Array> {
  return renderLetter(spec);
}

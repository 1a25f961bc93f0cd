import 'server-only';
import { env } from '@/lib/config/env';
import { formatVerificationCode } from '@/lib/certificates/code';
import type { PdfDocumentSpec, PdfVerification } from './types';
import { documentTranslator } from './texts';

type Addressee = { firstName: string; lastName: string; street: string; houseNumber: string; postalCode: string; city: string };

/** The parts every document of the insurer shares: letterhead, address block and footer. */
export function letterFrame(member: Addressee): Pick<PdfDocumentSpec, 'letterhead' | 'recipient' | 'footer'> {
  const t = documentTranslator('certificates.pdf');
  return {
    letterhead: { name: t('letterhead.name'), lines: [t('letterhead.address'), t('letterhead.phone'), t('letterhead.web')] },
    recipient: [`${member.firstName} ${member.lastName}`, `${member.street} ${member.houseNumber}`, `${member.postalCode} ${member.city}`],
    footer: t('footer'),
  };
}

/** The public verification page for a code; the QR code points here. */
export function verificationUrl(code: string): string {
  return `${env().origin}/verifizieren?code=${formatVerificationCode(code)}`;
}

export function verificationBlock(code: string): PdfVerification {
  const t = documentTranslator('certificates.pdf');
  return { code: formatVerificationCode(code), url: verificationUrl(code), heading: t('verification.heading'), text: t('verification.text') };
}

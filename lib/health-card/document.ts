import 'server-only';
import { prisma } from '@/lib/db';
import { germanDate } from '@/lib/insurance/calendar';
import { letterFrame, verificationBlock } from '@/lib/pdf/letterhead';
import { renderPdf } from '@/lib/pdf/pool';
import { documentTranslator } from '@/lib/pdf/texts';
import type { PdfDocumentSpec } from '@/lib/pdf/types';
import { findReplacement } from './queries';
import { HEALTH_CARD_VALID_DAYS } from './validity';

type Card = { validFrom: Date; validUntil: Date; readyAt: Date; verificationCode: string };
type Holder = { firstName: string; lastName: string; birthDate: Date; kvnr: string; street: string; houseNumber: string; postalCode: string; city: string };

/** The Ersatzbescheinigung as a document: the card's data in a frame, its validity rule stated on it. */
export function replacementSpec(card: Card, member: Holder): PdfDocumentSpec {
  const t = documentTranslator('healthCard.pdf');
  const p = documentTranslator('certificates.pdf');
  const values = { days: HEALTH_CARD_VALID_DAYS, validFrom: germanDate(card.validFrom), validUntil: germanDate(card.validUntil) };
  return {
    ...letterFrame(member),
    title: t('title'),
    facts: [
      [p('facts.kvnr'), member.kvnr],
      [p('facts.issuedAt'), germanDate(card.validFrom)],
    ],
    paragraphs: [t('intro')],
    card: {
      heading: t('cardHeading'),
      rows: [
        [t('rows.name'), `${member.firstName} ${member.lastName}`],
        [t('rows.birthDate'), germanDate(member.birthDate)],
        [t('rows.kvnr'), member.kvnr],
        [t('rows.insurer'), t('insurer')],
        [t('rows.validity'), t('validityRange', values)],
      ],
    },
    closing: [t('rule', values), t('recommendation')],
    verification: verificationBlock(card.verificationCode),
  };
}

/** The PDF of one of the member's ready cards; null when the id is not theirs or it is still pending. */
export async function renderReplacementPdf(memberId: string, cardId: string) {
  const card = await findReplacement(memberId, cardId);
  if (!card || card.status === 'pending') return null;
  const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId } });
  const pdf = await renderPdf(replacementSpec(card, member));
  return { pdf, filename: `HEK-Ersatzbescheinigung-${card.validFrom.toISOString().slice(0, 10)}.pdf` };
}

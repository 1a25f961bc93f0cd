import 'server-only';
import { prisma } from '@/lib/db';
import { germanDate } from '@/lib/insurance/calendar';
import { letterFrame, verificationBlock } from '@/lib/pdf/letterhead';
import { renderPdf } from '@/lib/pdf/pool';
import { loadStoredPdf, storeOnce } from '@/lib/pdf/stored';
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

/**
 * Renders a card's Ersatzbescheinigung once, when it is issued, and keeps it with its SHA-256, so that
 * every download returns the same bytes. A second call (or a concurrent one) keeps the first document.
 */
export async function issueReplacementDocument(cardId: string) {
  const card = await prisma.healthCardReplacement.findUniqueOrThrow({ where: { id: cardId }, include: { member: true } });
  if (card.documentId) {
    const stored = await loadStoredPdf(card.documentId);
    if (stored) return stored;
  }
  const rendered = await renderPdf(replacementSpec(card, card.member));
  return storeOnce(
    card.memberId,
    rendered,
    async (documentId) => (await prisma.healthCardReplacement.updateMany({ where: { id: cardId, documentId: null }, data: { documentId } })).count,
    async () => (await prisma.healthCardReplacement.findUniqueOrThrow({ where: { id: cardId }, select: { documentId: true } })).documentId,
  );
}

/**
 * The PDF of one of the member's ready cards as issued, with its SHA-256; null when the id is not theirs
 * or the card is still pending. A card issued before documents were kept gets its document now, once.
 */
export async function replacementPdf(memberId: string, cardId: string) {
  const card = await findReplacement(memberId, cardId);
  if (!card || card.status === 'pending') return null;
  const stored = card.documentId ? await loadStoredPdf(card.documentId) : null;
  const document = stored ?? (await issueReplacementDocument(card.id));
  return { ...document, filename: `HEK-Ersatzbescheinigung-${card.validFrom.toISOString().slice(0, 10)}.pdf` };
}

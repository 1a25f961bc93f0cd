import 'server-only';
import { prisma } from '@/lib/db';
import { germanDate } from '@/lib/insurance/calendar';
import { letterFrame } from '@/lib/pdf/letterhead';
import { renderPdf } from '@/lib/pdf/pool';
import { documentTranslator } from '@/lib/pdf/texts';
import { listBilledServices } from './queries';
import type { ReceiptFilter } from './schema';

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/** The Patientenquittung as a PDF (embedded fonts, through the PDF worker pool), with the filters applied. */
export async function renderReceiptPdf(memberId: string, filter: ReceiptFilter): Promise<Uint8Array> {
  const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId } });
  const services = await listBilledServices(memberId, filter);
  const t = documentTranslator('smarthealth');
  const total = services.reduce((sum, s) => sum + s.amountCents, 0);
  return renderPdf({
    title: t('pdf.title'),
    ...letterFrame(member),
    facts: [
      [t('pdf.kvnr'), member.kvnr],
      [t('pdf.issued'), germanDate(new Date())],
      [t('pdf.year'), filter.year ? String(filter.year) : t('filters.allYears')],
      [t('pdf.kind'), filter.kind ? t(`kinds.${filter.kind}`) : t('filters.allKinds')],
    ],
    paragraphs: [t('pdf.intro'), services.length === 0 ? t('empty') : t('pdf.total', { total: euro.format(total / 100) })],
    table: {
      columns: [t('columns.date'), t('columns.kind'), t('columns.amount'), t('columns.provider')],
      rows: services.map((s) => [
        s.endDate ? `${germanDate(s.serviceDate)} – ${germanDate(s.endDate)}` : germanDate(s.serviceDate),
        t(`kinds.${s.kind}`),
        euro.format(s.amountCents / 100),
        `${s.provider}: ${s.description}`,
      ]),
    },
    closing: [t('pdf.closing')],
  });
}

import 'server-only';
import { prisma } from '@/lib/db';
import { addDays, germanDate } from '@/lib/insurance/calendar';
import { letterFrame } from '@/lib/pdf/letterhead';
import { renderPdf } from '@/lib/pdf/pool';
import { documentTranslator } from '@/lib/pdf/texts';
import type { Evaluation } from './babycare-rules';

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const bmiFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The BabyCare evaluation as a PDF (embedded fonts, through the PDF worker pool): the same
 * recommendations and check-ups as the page, each with its source, in German like every document.
 */
export async function renderBabyCarePdf(memberId: string, evaluation: Evaluation, expectedBirthDate: Date, today: Date): Promise<Uint8Array> {
  const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId } });
  const t = documentTranslator('babycare');
  const values = (v: Record<string, string | number> | undefined) =>
    v && Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'number' ? (k === 'bmi' ? bmiFormat : decimal).format(x) : x]));
  const week = `${evaluation.gestation.weeks}+${evaluation.gestation.days}`;
  return renderPdf({
    title: t('pdf.title'),
    ...letterFrame(member),
    facts: [
      [t('pdf.kvnr'), member.kvnr],
      [t('pdf.issued'), germanDate(today)],
      [t('pdf.due'), germanDate(expectedBirthDate)],
      [t('pdf.week'), week],
    ],
    paragraphs: [
      t('pdf.intro'),
      t('status.protection', { date: germanDate(addDays(expectedBirthDate, -42)) }),
      ...evaluation.recommendations.map((r) => {
        const risks = r.id === 'risks' ? ` ${t('evaluation.risks', { list: evaluation.risks.map((k) => t(`risks.${k}`)).join(', ') })}` : '';
        return `${t(`categories.${r.category}`)} – ${t(`rules.${r.id}.title`)}: ${t(`rules.${r.id}.text`, values(r.values))}${risks} (${t('evaluation.source', { source: t(`sources.${r.source}`) })})`;
      }),
      t('evaluation.checkups', { weeks: evaluation.checkupWeeks }),
    ],
    table: {
      columns: [t('evaluation.columns.screening'), t('evaluation.columns.period'), t('evaluation.columns.status')],
      rows: evaluation.screenings.map((s) => [
        t(`screenings.${s.id}`),
        s.to ? `${germanDate(s.from)} – ${germanDate(s.to)}` : t('evaluation.from', { date: germanDate(s.from) }),
        t(`evaluation.statuses.${s.status}`),
      ]),
    },
    closing: [t('evaluation.disclaimer'), t('pdf.closing')],
  });
}

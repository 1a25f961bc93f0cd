import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SubmitButton } from '@/components/security/SubmitButton';
import { BabyCareEnrolForm } from '@/components/programs/BabyCareEnrolForm';
import { BackLink } from '@/components/ui/BackLink';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { TableScrollRegion } from '@/components/ui/Table';
import { requireSmartMember } from '@/lib/auth/access';
import { addDays, berlinDate, isoDate } from '@/lib/insurance/calendar';
import { babyCareState, evaluateBabyCare } from '@/lib/programs/babycare';
import { CATEGORIES, gestationOn, trimesterOf } from '@/lib/programs/babycare-rules';
import { MAX_DAYS_AHEAD, MAX_DAYS_OVERDUE, STEP_COUNT } from '@/lib/programs/babycare-schema';
import { changeDateAction, enrolAction, leaveAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('babycare');
  return { title: t('title') };
}

type Search = { ausgewertet?: string; termin?: string; beendet?: string };

/**
 * BabyCare: what it offers and the enrolment; once enrolled, the week of pregnancy, the questionnaire's
 * progress and, when it is complete, the evaluation with its recommendations and check-ups.
 */
export default async function BabyCarePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { memberId, member } = await requireSmartMember();
  const params = await searchParams;
  const state = await babyCareState(memberId);
  const t = await getTranslations('babycare');
  const more = await getTranslations('more');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  const today = berlinDate(new Date());
  const range = { min: isoDate(addDays(today, -MAX_DAYS_OVERDUE)), max: isoDate(addDays(today, MAX_DAYS_AHEAD)) };

  if (!state) {
    return (
      <div className="flex flex-col gap-6">
        <BackLink href="/mehr">{more('title')}</BackLink>
        <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
        {params.beendet && <Banner tone="success">{t('leave.done')}</Banner>}
        <Card>
          <h2 className="text-lg font-semibold text-brand-dark">{t('offer.heading')}</h2>
          <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
            <li>{t('offer.questionnaire')}</li>
            <li>{t('offer.evaluation')}</li>
            <li>{t('offer.screenings')}</li>
          </ul>
          <p className="mt-3 text-ink-muted">{t('offer.doctor')}</p>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold text-brand-dark">{t('enrol.heading')}</h2>
          <BabyCareEnrolForm action={enrolAction} {...range} />
        </Card>
      </div>
    );
  }

  const gestation = gestationOn(state.expectedBirthDate, today);
  const evaluation = evaluateBabyCare(state, member.birthDate);
  const answered = Math.min(state.step, STEP_COUNT);
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/mehr">{more('title')}</BackLink>
      <PageHeading>{t('title')}</PageHeading>
      {params.ausgewertet && evaluation && <Banner tone="success">{t('evaluation.ready')}</Banner>}
      {params.termin && <Banner tone="success">{t('status.dateChanged')}</Banner>}
      <Card>
        <h2 className="text-lg font-semibold text-brand-dark">{t('status.heading')}</h2>
        <p className="mt-2 text-2xl font-semibold">{t('status.week', gestation)}</p>
        <p>{t('status.trimester', { trimester: trimesterOf(gestation) })}</p>
        <p className="mt-2">{t('status.due', { date: day(state.expectedBirthDate) })}</p>
        <p>{t('status.protection', { date: day(addDays(state.expectedBirthDate, -42)) })}</p>
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-dark">{t('status.changeDate')}</summary>
          <div className="mt-2">
            <BabyCareEnrolForm action={changeDateAction} {...range} current={isoDate(state.expectedBirthDate)} />
          </div>
        </details>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold text-brand-dark">{t('questionnaire.heading')}</h2>
        <p className="mt-2">{t('questionnaire.progress', { answered, count: STEP_COUNT })}</p>
        <Link href="/mehr/babycare/fragebogen" className={buttonClass(evaluation ? 'secondary' : 'primary', 'mt-3')}>
          {t(evaluation ? 'questionnaire.edit' : answered === 0 ? 'questionnaire.start' : 'questionnaire.continue')}
        </Link>
      </Card>
      {evaluation && (
        <section aria-labelledby="evaluation-heading" className="flex flex-col gap-4">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
            <div>
              <h2 id="evaluation-heading" className="text-xl font-semibold text-brand-dark">{t('evaluation.heading')}</h2>
              <p className="text-ink-muted">{t('evaluation.asOf', { date: day(today), ...evaluation.gestation })}</p>
            </div>
            <a href="/api/babycare/auswertung" download className={buttonClass('primary')}>
              {t('evaluation.download')}
            </a>
          </div>
          <h3 className="text-lg font-semibold">{t('evaluation.recommendations')}</h3>
          {CATEGORIES.map((category) => {
            const recs = evaluation.recommendations.filter((r) => r.category === category);
            if (recs.length === 0) return null;
            return (
              <Card key={category} className={category === 'urgent' ? 'border-2 border-danger' : ''}>
                <h4 className="font-semibold text-brand-dark">{t(`categories.${category}`)}</h4>
                <ul className="mt-2 flex flex-col gap-3">
                  {recs.map((r) => (
                    <li key={r.id}>
                      <p className="font-semibold">{t(`rules.${r.id}.title`)}</p>
                      <p>{t(`rules.${r.id}.text`, formatValues(r.values, format))}</p>
                      {r.id === 'risks' && <p className="mt-1">{t('evaluation.risks', { list: evaluation.risks.map((k) => t(`risks.${k}`)).join(', ') })}</p>}
                      <p className="mt-1 text-sm text-ink-muted">{t('evaluation.source', { source: t(`sources.${r.source}`) })}</p>
                    </li>
                  ))}
                </ul>
              </Card>
            );
          })}
          <Card>
            <TableScrollRegion labelledBy="screenings-caption">
              <table className="w-full min-w-[28rem] text-left">
                <caption id="screenings-caption" className="mb-2 text-left text-lg font-semibold text-brand-dark">
                  {t('evaluation.screenings')}
                </caption>
                <thead>
                  <tr className="border-b-2 border-surface-line">
                    <th scope="col" className="py-2 pr-3">{t('evaluation.columns.screening')}</th>
                    <th scope="col" className="py-2 pr-3">{t('evaluation.columns.period')}</th>
                    <th scope="col" className="py-2">{t('evaluation.columns.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {evaluation.screenings.map((s) => (
                    <tr key={s.id} className={`border-b border-surface-line align-top ${s.status === 'now' ? 'font-semibold' : ''}`}>
                      <td className="py-2 pr-3">{t(`screenings.${s.id}`)}</td>
                      <td className="py-2 pr-3">{s.to ? `${day(s.from)} – ${day(s.to)}` : t('evaluation.from', { date: day(s.from) })}</td>
                      <td className="py-2">{t(`evaluation.statuses.${s.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScrollRegion>
            <p className="mt-3">{t('evaluation.checkups', { weeks: evaluation.checkupWeeks })}</p>
            <p className="mt-1 text-sm text-ink-muted">{t('evaluation.source', { source: t('sources.mutterschaftsRichtlinien') })}</p>
          </Card>
          <p className="text-ink-muted">{t('evaluation.disclaimer')}</p>
        </section>
      )}
      <Card>
        <h2 className="text-lg font-semibold text-brand-dark">{t('leave.heading')}</h2>
        <p className="mt-2">{t('leave.text')}</p>
        <form action={leaveAction} className="mt-3">
          <SubmitButton variant="danger">{t('leave.submit')}</SubmitButton>
        </form>
      </Card>
    </div>
  );
}

/** Numbers in recommendations in the page's language: 22,0 in German, 22.0 in English. */
function formatValues(values: Record<string, string | number> | undefined, format: Awaited<ReturnType<typeof getFormatter>>) {
  if (!values) return undefined;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? format.number(v, { maximumFractionDigits: 1, minimumFractionDigits: k === 'bmi' ? 1 : 0 }) : v]));
}

import { getTranslations, type getFormatter } from 'next-intl/server';
import { Banner } from '@/components/ui/Banner';
import type { Verification } from '@/lib/certificates/verify';
import { berlinDate } from '@/lib/insurance/calendar';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** What the public learns about a code: genuine or not, the name, the period. Nothing more. */
export async function VerificationResult({ result, format }: { result: Verification; format: Formatter }) {
  const t = await getTranslations('verification');
  if (result.status === 'rate_limited') {
    return <Banner tone="error">{t('rateLimited', { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) })}</Banner>;
  }
  if (result.status === 'unknown') {
    return (
      <Banner tone="error" title={t('unknown.title')}>
        {t('unknown.text')}
      </Banner>
    );
  }
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  const period = result.periodTo ? t('genuine.range', { from: day(result.periodFrom), to: day(result.periodTo) }) : t('genuine.since', { from: day(result.periodFrom) });
  const expired = result.document === 'HEALTH_CARD' && result.periodTo !== null && result.periodTo < berlinDate(new Date());
  return (
    <Banner tone="success" title={t('genuine.title')}>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="font-semibold">{t('genuine.document')}</dt>
        <dd>{t(`documents.${result.document}`)}</dd>
        <dt className="font-semibold">{t('genuine.name')}</dt>
        <dd>{result.name}</dd>
        <dt className="font-semibold">{t('genuine.period')}</dt>
        <dd>{period}</dd>
        <dt className="font-semibold">{t('genuine.issuedAt')}</dt>
        <dd>{format.dateTime(result.issuedAt, { dateStyle: 'long', timeZone: 'Europe/Berlin' })}</dd>
      </dl>
      {expired && <p className="mt-2 font-semibold">{t('genuine.expired')}</p>}
    </Banner>
  );
}

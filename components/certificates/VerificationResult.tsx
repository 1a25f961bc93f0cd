import { getTranslations, type getFormatter } from 'next-intl/server';
import { Banner } from '@/components/ui/Banner';
import type { Verification } from '@/lib/certificates/verify';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/**
 * What the public learns about a code: genuine or not, the name, and what the document says: the
 * covered periods and gaps of a certificate as issued, or a card's validity and whether it holds today.
 */
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
  const range = (from: Date, to: Date | null) => (to ? t('genuine.range', { from: day(from), to: day(to) }) : t('genuine.since', { from: day(from) }));
  return (
    <Banner tone="success" title={t('genuine.title')}>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="font-semibold">{t('genuine.document')}</dt>
        <dd>{t(`documents.${result.document}`)}</dd>
        <dt className="font-semibold">{t('genuine.name')}</dt>
        <dd>{result.name}</dd>
        {result.document === 'HEALTH_CARD' ? (
          <>
            <dt className="font-semibold">{t('genuine.validity')}</dt>
            <dd>
              {range(result.periodFrom, result.periodTo)}
              <strong className="block" data-testid="valid-today">
                {result.validToday ? t('genuine.validToday') : t('genuine.notValidToday')}
              </strong>
            </dd>
          </>
        ) : result.coverage ? (
          <>
            <dt className="font-semibold">{t('genuine.coverage')}</dt>
            <dd>
              <ul data-testid="coverage">
                {result.coverage.map((span) => (
                  <li key={span.from.toISOString()} className={span.gap ? 'font-semibold' : undefined}>
                    {t(span.gap ? 'genuine.gap' : 'genuine.covered', { range: range(span.from, span.to) })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : (
          <>
            <dt className="font-semibold">{t('genuine.period')}</dt>
            <dd>{range(result.periodFrom, result.periodTo)}</dd>
          </>
        )}
        <dt className="font-semibold">{t('genuine.issuedAt')}</dt>
        <dd>{format.dateTime(result.issuedAt, { dateStyle: 'long', timeZone: 'Europe/Berlin' })}</dd>
      </dl>
    </Banner>
  );
}

import { getFormatter, getTranslations } from 'next-intl/server';
import { formatVerificationCode } from '@/lib/certificates/code';
import type { listCertificates } from '@/lib/certificates/queries';

type Certificates = Awaited<ReturnType<typeof listCertificates>>;

/** The member's issued certificates with their codes and a download link each. */
export async function CertificateList({ certificates }: { certificates: Certificates }) {
  const t = await getTranslations('certificates');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  if (certificates.length === 0) return <p>{t('list.empty')}</p>;
  return (
    <ul className="flex flex-col divide-y divide-surface-line">
      {certificates.map((c) => {
        const issued = format.dateTime(c.issuedAt, { dateStyle: 'medium', timeZone: 'Europe/Berlin' });
        const kind = t(`kind.${c.kind}`);
        return (
          <li key={c.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <p className="font-semibold">{kind}</p>
              <p className="text-sm text-ink-muted">
                {t('list.issuedAt', { date: issued })} ·{' '}
                {c.kind === 'MEMBERSHIP' ? t('list.since', { from: day(c.periodFrom) }) : t('list.period', { from: day(c.periodFrom), to: c.periodTo ? day(c.periodTo) : '' })}
              </p>
              <p className="text-sm">
                {t('list.code')}: <span className="font-mono">{formatVerificationCode(c.verificationCode)}</span>
              </p>
            </div>
            <a href={`/api/certificates/${c.id}/pdf`} download className="font-semibold text-brand underline underline-offset-4" aria-label={t('list.downloadLabel', { kind, date: issued })}>
              {t('list.download')}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { StepUpNotice } from '@/components/profile/StepUpNotice';
import { SubmitButton } from '@/components/security/SubmitButton';
import { BackLink } from '@/components/ui/BackLink';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireMember } from '@/lib/auth/session';
import { hasFreshStepUp } from '@/lib/auth/step-up';
import { kickExports } from '@/lib/export/commands';
import { listDataExports } from '@/lib/export/queries';
import { requestDataExportAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dataExport');
  return { title: t('title') };
}

export default async function DataExportPage({ searchParams }: { searchParams: Promise<{ angefordert?: string }> }) {
  const session = await requireMember();
  const exports = await listDataExports(session.memberId);
  // A job an instance left behind (restart) is picked up on the next visit.
  if (exports.some((e) => e.status === 'PENDING' || e.status === 'RUNNING')) kickExports();
  const { angefordert } = await searchParams;
  const t = await getTranslations('dataExport');
  const profile = await getTranslations('profile');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  const now = new Date();
  const stepUp = hasFreshStepUp(session);

  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/profil">{profile('title')}</BackLink>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      {angefordert && <Banner tone="success">{t('requested')}</Banner>}
      <Card>
        <form action={requestDataExportAction}>
          <SubmitButton className="w-full sm:w-fit">{t('request')}</SubmitButton>
        </form>
      </Card>
      {exports.length > 0 && (
        <ul className="flex flex-col gap-3" aria-label={t('title')}>
          {exports.map((e) => {
            const ready = e.status === 'READY' && e.expiresAt && e.expiresAt > now;
            return (
              <li key={e.id} className="rounded-card border border-surface-line bg-surface p-4">
                <p className="font-semibold">
                  {t('item', { date: when(e.requestedAt) })} · {t(`status.${e.status}`)}
                </p>
                {e.status === 'READY' && e.expiresAt && (ready ? <p>{t('readyUntil', { date: when(e.expiresAt) })}</p> : <p>{t('expired')}</p>)}
                {(e.status === 'PENDING' || e.status === 'RUNNING') && (
                  <a href="/profil/meine-daten" className={buttonClass('secondary', 'mt-2')}>
                    {t('reload')}
                  </a>
                )}
                {ready &&
                  (stepUp ? (
                    <a href={`/api/export/${e.id}`} download className={buttonClass('primary', 'mt-2')}>
                      {t('download')}
                    </a>
                  ) : (
                    <div className="mt-2">
                      <StepUpNotice message={t('stepUp')} />
                    </div>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

import { getFormatter, getTranslations } from 'next-intl/server';
import type { ImpersonationInfo } from '@/lib/staff/impersonation';
import { TimeLeft } from './TimeLeft';

/**
 * Shown on every member page while staff look at the account ("Ansicht als Mitglied"): whose account, as
 * whom, the time left, and the way out. The end button is a plain form post to the console.
 */
export async function ImpersonationBanner({ impersonation, memberName }: { impersonation: ImpersonationInfo; memberName: string }) {
  const t = await getTranslations('admin.banner');
  const format = await getFormatter();
  const whose = t('text', { member: memberName, staff: impersonation.staffName });
  return (
    <div role="region" aria-label={whose} className="border-b-4 border-warning bg-warning-light text-ink">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <p className="font-semibold">
          {whose} {t('readOnly')}{' '}
          <TimeLeft
            endsAt={impersonation.endsAt.toISOString()}
            until={t('until', { time: format.dateTime(impersonation.endsAt, { timeStyle: 'short' }) })}
            timeLeft={t('timeLeft', { minutes: '{minutes}' })}
          />
        </p>
        <form action="/admin/ansicht/beenden" method="post">
          <button type="submit" className="min-h-11 rounded-lg bg-ink px-4 font-semibold text-white hover:brightness-125">
            {t('end')}
          </button>
        </form>
      </div>
    </div>
  );
}

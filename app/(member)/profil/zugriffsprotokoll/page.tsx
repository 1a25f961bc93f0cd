import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { BackLink } from '@/components/ui/BackLink';
import { Banner } from '@/components/ui/Banner';
import { Card, PageHeading } from '@/components/ui/Card';
import { accessLog } from '@/lib/audit/access-log';
import { requireMember } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accessLog');
  return { title: t('title') };
}

const staffActions = ['admin.member.viewed', 'admin.impersonation.started', 'admin.impersonation.ended'];

export default async function AccessLogPage() {
  const { memberId } = await requireMember();
  const entries = await accessLog(memberId);
  const t = await getTranslations('accessLog');
  const profile = await getTranslations('profile');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  const methods = ['password', 'passkey', 'gesundheitsid'];

  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/profil">{profile('title')}</BackLink>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <Banner tone="info">{t('notMe')}</Banner>
      {entries.length === 0 ? (
        <Card>
          <p>{t('empty')}</p>
        </Card>
      ) : (
        <ol className="flex flex-col gap-3" aria-label={t('title')}>
          {entries.map((e) => (
            <li key={e.id} className={`rounded-card border bg-surface p-4 ${e.kind === 'staff' ? 'border-warning' : 'border-surface-line'}`}>
              <p className="text-sm text-ink-muted">
                <time dateTime={e.at.toISOString()}>{when(e.at)}</time>
              </p>
              {e.kind === 'login' ? (
                <>
                  <p className="font-semibold">
                    {t('login')} {e.method && methods.includes(e.method) ? t(`methods.${e.method}`) : ''}
                  </p>
                  <p>{e.browser && e.os ? t('device', { browser: e.browser, os: e.os }) : (e.browser ?? t('unknownDevice'))}</p>
                  {e.ip && <p className="text-sm text-ink-muted">{t('place', { ip: e.ip })}</p>}
                </>
              ) : (
                <>
                  <p className="font-semibold">
                    {t('staff')}: {staffActions.includes(e.action) ? t(`staffActions.${e.action}`) : e.action}
                  </p>
                  {e.staffName && <p>{t('staffName', { name: e.staffName })}</p>}
                  {e.reason && <p>{t('reason', { reason: e.reason })}</p>}
                  {e.viewed && <p>{t('viewed', { viewed: e.viewed })}</p>}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="text-sm text-ink-muted">{t('placeHint')}</p>
    </div>
  );
}

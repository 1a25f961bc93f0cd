import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SubmitButton } from '@/components/security/SubmitButton';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireMember } from '@/lib/auth/session';
import { listNotifications, markNotificationsRead, securityNoticeKinds, type SecurityNoticeKind } from '@/lib/security/notices';
import { notMeAction } from './actions';
import { StaffAccessNotice } from '@/components/admin/StaffAccessNotice';
import { endStaffAccessAction } from '../ansicht-als-mitglied/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

const isKind = (kind: string): kind is SecurityNoticeKind => (securityNoticeKinds as readonly string[]).includes(kind);

function nameOf(details: unknown): string {
  return details && typeof details === 'object' && 'name' in details && typeof details.name === 'string' ? details.name : '';
}

export default async function NotificationsPage() {
  const { memberId, impersonation } = await requireMember();
  const notices = (await listNotifications(memberId)).filter((notice) => isKind(notice.kind));
  // Opening the list counts as reading it; the "Neu" marks below show what was unread until now.
  if (!impersonation) await markNotificationsRead(memberId);
  const t = await getTranslations('notifications');
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={t('intro')}>{t('title')}</PageHeading>
      <StaffAccessNotice memberId={memberId} endAction={endStaffAccessAction} />
      {notices.length === 0 ? (
        <Card>
          <p className="text-ink-muted">{t('empty')}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3">
          {notices.map((notice) => {
            const kind = notice.kind as SecurityNoticeKind;
            return (
              <li key={notice.id}>
                <Card>
                  <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0">
                      <h2 className="text-lg font-semibold text-brand-dark">
                        {t(`kinds.${kind}.title`)}
                        {!notice.readAt && <span className="ml-2 rounded bg-brand px-2 py-0.5 align-middle text-sm text-white">{t('new')}</span>}
                      </h2>
                      <p className="text-sm text-ink-muted">
                        <time dateTime={notice.createdAt.toISOString()}>{when(notice.createdAt)}</time>
                      </p>
                      <p className="mt-1 break-words">{t(`kinds.${kind}.text`, { name: nameOf(notice.details) })}</p>
                      {notice.notMeAt && <p className="mt-1 text-sm font-semibold">{t('notMeReported', { date: when(notice.notMeAt) })}</p>}
                    </div>
                    {!notice.notMeAt && (
                      <form action={notMeAction} className="shrink-0">
                        <input type="hidden" name="id" value={notice.id} />
                        <SubmitButton variant="danger">{t('notMe')}</SubmitButton>
                      </form>
                    )}
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

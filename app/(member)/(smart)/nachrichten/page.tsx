import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';
import { PageHeading } from '@/components/ui/Card';
import { Icon } from '@/components/ui/Icon';
import { requireSmartMember } from '@/lib/auth/access';
import { listConversations } from '@/lib/messages/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('messenger');
  return { title: t('title') };
}

export default async function MessengerPage() {
  const session = await requireSmartMember();
  const t = await getTranslations('messenger');
  const conversations = await listConversations(session.memberId);
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-5">
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <Link href="/nachrichten/neu" className={buttonClass('primary', '-mt-4 w-fit')}>
        <Icon name="chat" className="h-5 w-5" />
        {t('new')}
      </Link>
      <section aria-labelledby="conversations-heading">
        <h2 id="conversations-heading" className="mb-3 text-xl font-semibold text-brand-dark">
          {t('conversations')}
        </h2>
        {conversations.length === 0 ? (
          <p className="text-ink-muted">{t('empty')}</p>
        ) : (
          <ul className="divide-y divide-surface-line overflow-hidden rounded-card border border-surface-line bg-surface">
            {conversations.map((c) => (
              <li key={c.id}>
                <Link href={`/nachrichten/${c.id}`} className="flex min-h-16 flex-col gap-0.5 px-4 py-3 hover:bg-brand-light sm:flex-row sm:items-center sm:justify-between">
                  <span className={`break-words ${c.unreadByMember ? 'font-bold' : ''}`}>
                    {c.unreadByMember && <span className="mr-2 inline-block rounded bg-brand px-1.5 text-xs font-bold text-white">{t('unread')}</span>}
                    {c.subject}
                    <span className="block text-sm font-normal text-ink-muted">
                      {t(`topic.${c.topic}`)} · {t('lastActivity', { date: format.dateTime(c.lastMessageAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                    </span>
                  </span>
                  <span className="w-fit rounded-full bg-surface-subtle px-3 py-0.5 text-sm font-semibold">{t(`status.${c.status}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

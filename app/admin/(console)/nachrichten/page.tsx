import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { messengerQueue } from '@/lib/admin/queues';
import { requireStaff } from '@/lib/staff/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.messenger'))('title') };
}

export default async function MessengerQueuePage() {
  await requireStaff();
  const t = await getTranslations('admin.messenger');
  const format = await getFormatter();
  const conversations = await messengerQueue.list();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('intro')}</p>
      {conversations.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {conversations.map((c) => (
            <li key={c.id} className="rounded-lg border border-surface-line bg-surface p-3">
              <Link href={`/admin/nachrichten/${c.id}`} className="font-semibold text-brand underline">
                {c.subject}
              </Link>
              {c.unreadByStaff && <span className="ml-2 rounded-full bg-brand px-2 py-0.5 text-sm text-white">{t('new')}</span>}
              <span className="block text-sm text-ink-muted">
                {t('from', { name: `${c.member.firstName} ${c.member.lastName}`, kvnr: c.member.kvnr })} · {t('lastMessage', { date: format.dateTime(c.lastMessageAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

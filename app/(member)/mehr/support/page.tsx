import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireMember } from '@/lib/auth/session';
import { listSupportMessages } from '@/lib/support/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.list');
  return { title: t('title') };
}

export default async function SupportMessagesPage() {
  const { memberId } = await requireMember();
  const messages = await listSupportMessages(memberId);
  const t = await getTranslations('support');
  const more = await getTranslations('more');
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/mehr">{more('title')}</BackLink>
      <PageHeading>{t('list.title')}</PageHeading>
      {messages.length === 0 ? (
        <Card>
          <p>{t('list.empty')}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3">
          {messages.map((m) => (
            <li key={m.id}>
              <Link href={`/mehr/support/${m.id}`} className="flex flex-col gap-1 rounded-card border border-surface-line bg-surface p-4 hover:border-brand">
                <span className="break-words text-lg font-semibold text-brand-dark">{m.subject}</span>
                <span className="text-sm text-ink-muted">
                  {t('list.sentOn', { date: format.dateTime(m.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }) })} · {t(`status.${m.status}`)}
                  {m.status === 'ANSWERED' && !m.answerReadAt && <strong className="ml-2 text-brand-dark">{t('list.newAnswer')}</strong>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

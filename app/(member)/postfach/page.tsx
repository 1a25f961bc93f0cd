import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LetterFilters } from '@/components/mailbox/LetterFilters';
import { LetterList } from '@/components/mailbox/LetterList';
import { MailboxTabs } from '@/components/mailbox/MailboxTabs';
import { SmartGate } from '@/components/shell/SmartGate';
import { buttonClass } from '@/components/ui/Button';
import { PageHeading } from '@/components/ui/Card';
import { Icon } from '@/components/ui/Icon';
import { smartAccess } from '@/lib/auth/access';
import { requireMember } from '@/lib/auth/session';
import { letterYears, listLetters, unreadLetterCount } from '@/lib/mailbox/queries';
import { listFilterSchema } from '@/lib/mailbox/schema';
import { unreadConversationCount } from '@/lib/messages/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mailbox');
  return { title: t('title') };
}

type Search = Record<string, string | string[] | undefined>;

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requireMember();
  const t = await getTranslations('mailbox');
  const access = smartAccess(session);
  if (!access.ok) return <SmartGate access={access} title={t('title')} feature={t('gateFeature')} />;
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const filter = listFilterSchema.parse({ tab: one(raw.tab), category: one(raw.category), year: one(raw.year), q: one(raw.q), cursor: one(raw.cursor) });
  const [page, years, unread, unreadMessages] = await Promise.all([
    listLetters(session.memberId, filter),
    letterYears(session.memberId, filter.tab),
    unreadLetterCount(session.memberId),
    unreadConversationCount(session.memberId),
  ]);
  const filtered = Boolean(filter.category || filter.year || filter.q);
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    if (filter.tab !== 'inbox') params.set('tab', filter.tab);
    if (filter.category) params.set('category', filter.category);
    if (filter.year) params.set('year', String(filter.year));
    if (filter.q) params.set('q', filter.q);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    const s = params.toString();
    return s ? `/postfach?${s}` : '/postfach';
  };

  return (
    <div className="flex flex-col gap-5">
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <div className="-mt-4 flex flex-wrap gap-3">
        <Link href="/postfach/einreichen" className={buttonClass('primary')}>
          <Icon name="document" className="h-5 w-5" />
          {t('submitDocuments')}
        </Link>
        <Link href="/nachrichten" className={buttonClass('secondary')}>
          <Icon name="chat" className="h-5 w-5" />
          {t('messenger')}
          {unreadMessages > 0 && <span className="rounded-full bg-danger px-2 text-xs font-bold text-white">{t('messengerUnread', { count: unreadMessages })}</span>}
        </Link>
      </div>
      <MailboxTabs current={filter.tab} unread={unread} />
      <LetterFilters filter={filter} years={years} />
      {page.letters.length === 0 ? (
        <p className="rounded-card border border-surface-line bg-surface p-5 text-ink-muted">{filtered || filter.cursor ? t('empty.filtered') : t(`empty.${filter.tab}`)}</p>
      ) : (
        <LetterList letters={page.letters} />
      )}
      <div className="flex flex-wrap gap-3">
        {filter.cursor && (
          <Link href={query({})} className={buttonClass('ghost')}>
            {t('backToFirst')}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={query({ cursor: page.nextCursor })} className={buttonClass('secondary')}>
            {t('more')}
          </Link>
        )}
      </div>
    </div>
  );
}

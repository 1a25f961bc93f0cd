import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LetterFilters } from '@/components/mailbox/LetterFilters';
import { LetterList } from '@/components/mailbox/LetterList';
import { MailboxTabs } from '@/components/mailbox/MailboxTabs';
import { UndoNotice, type UndoKind } from '@/components/mailbox/UndoNotice';
import { buttonClass } from '@/components/ui/Button';
import { PageHeading } from '@/components/ui/Card';
import { Icon } from '@/components/ui/Icon';
import { requireSmartMember } from '@/lib/auth/access';
import { getLetter, listLetters } from '@/lib/mailbox/queries';
import { listFilterSchema } from '@/lib/mailbox/schema';
import { memberBadges } from '@/lib/navigation/badges';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mailbox');
  return { title: t('title') };
}

type Search = Record<string, string | string[] | undefined>;

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requireSmartMember();
  const t = await getTranslations('mailbox');
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const filter = listFilterSchema.parse({ tab: one(raw.tab), category: one(raw.category), year: one(raw.year), q: one(raw.q), cursor: one(raw.cursor) });
  const done = one(raw.erledigt);
  const undoKind = done === 'archived' || done === 'unread' || done === 'unarchived' ? (done as UndoKind) : null;
  const undoId = undoKind ? one(raw.schreiben) : undefined;
  // The unread counts are the navigation's badges (one statement for both, shared with the frame).
  const [page, { letters: unread, conversations: unreadMessages }, undoLetter] = await Promise.all([
    listLetters(session.memberId, filter),
    memberBadges(session.memberId),
    undoId ? getLetter(session.memberId, undoId) : null,
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
    <div className="flex flex-col gap-4 sm:gap-5">
      {/* On a phone the lead gives way to the letters: the first screen shows at least three of them. */}
      <PageHeading lead={<span className="hidden sm:inline">{t('lead')}</span>}>{t('title')}</PageHeading>
      {/* One row on a phone too: the icons give way there, the words stay. */}
      <div className="-mt-6 flex flex-wrap gap-2 sm:-mt-4 sm:gap-3">
        <Link href="/postfach/einreichen" className={buttonClass('primary', 'px-3! text-sm sm:px-5! sm:text-base')}>
          <Icon name="document" className="hidden h-5 w-5 sm:block" />
          {t('submitDocuments')}
        </Link>
        <Link href="/nachrichten" className={buttonClass('secondary', 'px-3! text-sm sm:px-5! sm:text-base')}>
          <Icon name="chat" className="hidden h-5 w-5 sm:block" />
          {t('messenger')}
          {unreadMessages > 0 && <span className="rounded-full bg-danger px-2 text-xs font-bold text-white">{t('messengerUnread', { count: unreadMessages })}</span>}
        </Link>
      </div>
      {undoKind && undoLetter && <UndoNotice kind={undoKind} letterId={undoLetter.id} subject={undoLetter.subject} />}
      <MailboxTabs current={filter.tab} unread={unread} />
      <LetterFilters filter={filter} years={page.years} />
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

import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';
import { archiveLetterAction, setLetterReadAction } from '@/app/(member)/(smart)/postfach/actions';

/** Read/unread and archive as small forms: they work without JavaScript. */
export async function LetterActions({ letterId, read, archived }: { letterId: string; read: boolean; archived: boolean }) {
  const t = await getTranslations('mailbox.letter');
  return (
    <div className="flex flex-wrap gap-2">
      <form action={setLetterReadAction.bind(null, letterId, !read)}>
        <button type="submit" className={buttonClass('secondary')}>
          {read ? t('markUnread') : t('markRead')}
        </button>
      </form>
      <form action={archiveLetterAction.bind(null, letterId, !archived, 'letter')}>
        <button type="submit" className={buttonClass('secondary')}>
          {archived ? t('unarchive') : t('archive')}
        </button>
      </form>
    </div>
  );
}

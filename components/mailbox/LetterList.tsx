import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { Icon } from '@/components/ui/Icon';
import { dateFormat } from '@/lib/i18n/format';
import type { listLetters } from '@/lib/mailbox/queries';

type Row = Awaited<ReturnType<typeof listLetters>>['letters'][number];

/**
 * One page of the Postfach; unread letters are bold, say so in words, and carry a bar and a closed envelope.
 * The rows are styled by the letter-row classes in app/globals.css; the date format is built once per
 * process (lib/i18n/format.ts), not on every page view.
 */
export function LetterList({ letters }: { letters: Row[] }) {
  const t = useTranslations('mailbox');
  const day = dateFormat(useLocale(), { dateStyle: 'medium' });
  return (
    <ul className="divide-y divide-surface-line overflow-hidden rounded-card border border-surface-line bg-surface">
      {letters.map((letter) => {
        const unread = !letter.readAt;
        return (
          <li key={letter.id}>
            <Link
              href={`/postfach/${letter.id}`}
              className={unread ? 'letter-row letter-row-unread' : 'letter-row'}
            >
              <Icon name={letter.kind !== 'LETTER' ? 'document' : unread ? 'mail' : 'mailOpen'} className="letter-row-icon" />
              <span className="letter-row-subject">
                {unread && <span className="letter-row-badge">{t('unread')}</span>}
                {letter.subject}
              </span>
              <span className="letter-row-meta">
                {t(`kind.${letter.kind}`)} · {t(`category.${letter.category}`)}
                {letter.attachmentCount > 0 && <> · {t('attachments', { count: letter.attachmentCount })}</>}
              </span>
              <time dateTime={letter.deliveredAt.toISOString()} className="letter-row-date">
                {day.format(letter.deliveredAt)}
              </time>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

import Link from 'next/link';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import type { listLetters } from '@/lib/mailbox/queries';

type Row = Awaited<ReturnType<typeof listLetters>>['letters'][number];

/** One page of the Postfach; unread letters are bold, say so in words, and carry a bar and a closed envelope. */
export async function LetterList({ letters }: { letters: Row[] }) {
  const t = await getTranslations('mailbox');
  // A page has 20 rows but only a handful of distinct labels and one date format (in the request's
  // locale and time zone, as next-intl's formatter would): each is made once.
  const labels = new Map<string, string>();
  const label = (key: `kind.${Row['kind']}` | `category.${Row['category']}` | 'unread') => {
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = t(key)));
    return text;
  };
  const dateFormat = new Intl.DateTimeFormat(await getLocale(), { dateStyle: 'medium', timeZone: await getTimeZone() });
  return (
    <ul className="divide-y divide-surface-line overflow-hidden rounded-card border border-surface-line bg-surface">
      {letters.map((letter) => {
        const unread = !letter.readAt;
        return (
          <li key={letter.id}>
            <Link
              href={`/postfach/${letter.id}`}
              className={`grid min-h-16 grid-cols-[auto_minmax(0,1fr)_auto] gap-x-3 border-l-4 py-2.5 pl-3 pr-4 hover:bg-brand-light sm:py-3 ${unread ? 'border-brand bg-brand-light/40' : 'border-transparent'}`}
            >
              <Icon name={letter.kind !== 'LETTER' ? 'document' : unread ? 'mail' : 'mailOpen'} className={`row-span-2 mt-0.5 h-6 w-6 ${unread ? 'text-brand' : 'text-ink-muted'}`} />
              {/* On a phone the subject has the whole width and the date shares the second line. */}
              <span className={`col-span-2 block min-w-0 break-words hyphens-auto sm:col-span-1 ${unread ? 'font-bold' : ''}`}>
                {unread && <span className="mr-2 inline-block rounded bg-brand px-1.5 text-xs font-bold uppercase text-white">{label('unread')}</span>}
                {letter.subject}
              </span>
              <span className="col-start-2 mt-0.5 block min-w-0 text-sm text-ink-muted">
                {label(`kind.${letter.kind}`)} · {label(`category.${letter.category}`)}
                {letter.attachmentCount > 0 && <> · {t('attachments', { count: letter.attachmentCount })}</>}
              </span>
              <time dateTime={letter.deliveredAt.toISOString()} className="col-start-3 row-start-2 mt-0.5 whitespace-nowrap text-right text-sm text-ink-muted sm:row-start-1 sm:mt-0">
                {dateFormat.format(letter.deliveredAt)}
              </time>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import type { listLetters } from '@/lib/mailbox/queries';

type Row = Awaited<ReturnType<typeof listLetters>>['letters'][number];

/** One page of the Postfach; unread letters are bold and say so in words. */
export async function LetterList({ letters }: { letters: Row[] }) {
  const t = await getTranslations('mailbox');
  const format = await getFormatter();
  return (
    <ul className="divide-y divide-surface-line overflow-hidden rounded-card border border-surface-line bg-surface">
      {letters.map((letter) => {
        const unread = !letter.readAt;
        return (
          <li key={letter.id}>
            <Link href={`/postfach/${letter.id}`} className="grid min-h-16 grid-cols-[auto_minmax(0,1fr)] gap-x-3 px-4 py-3 hover:bg-brand-light sm:grid-cols-[auto_minmax(0,1fr)_auto]">
              <Icon name={letter.kind === 'LETTER' ? 'mail' : 'document'} className="row-span-2 mt-0.5 h-6 w-6 text-brand sm:row-span-1" />
              <span className="min-w-0">
                <span className={`block break-words hyphens-auto ${unread ? 'font-bold' : ''}`}>
                  {unread && <span className="mr-2 inline-block rounded bg-brand px-1.5 text-xs font-bold uppercase text-white">{t('unread')}</span>}
                  {letter.subject}
                </span>
                <span className="mt-0.5 block text-sm text-ink-muted">
                  {t(`kind.${letter.kind}`)} · {t(`category.${letter.category}`)}
                  {letter._count.attachments > 0 && <> · {t('attachments', { count: letter._count.attachments })}</>}
                </span>
              </span>
              <time dateTime={letter.deliveredAt.toISOString()} className="col-start-2 mt-0.5 text-sm text-ink-muted sm:col-start-3 sm:row-start-1 sm:mt-0 sm:whitespace-nowrap">
                {format.dateTime(letter.deliveredAt, { dateStyle: 'medium' })}
              </time>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { letterQueue } from '@/lib/admin/queues';
import { requireStaff } from '@/lib/staff/session';
import { markLetterDoneAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.letters'))('title') };
}

/** Replies and Dokumente einreichen from members that nobody has dealt with yet. */
export default async function LetterQueuePage() {
  await requireStaff();
  const t = await getTranslations('admin.letters');
  const format = await getFormatter();
  const letters = await letterQueue.list();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('intro')}</p>
      {letters.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {letters.map((l) => (
            <li key={l.id} className="flex flex-col gap-2 rounded-lg border border-surface-line bg-surface p-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-semibold">
                  {t(l.kind)}: {l.subject}
                </p>
                <p className="text-sm text-ink-muted">
                  <Link href={`/admin/mitglieder/${l.memberId}`} className="text-brand underline">
                    {l.firstName} {l.lastName} ({l.kvnr})
                  </Link>{' '}
                  · {format.dateTime(l.deliveredAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </p>
              </div>
              <form action={markLetterDoneAction}>
                <input type="hidden" name="letterId" value={l.id} />
                <button type="submit" className="min-h-11 rounded-lg border-2 border-brand px-4 font-semibold text-brand hover:bg-brand-light">
                  {t('markDone')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { searchMembers } from '@/lib/admin/members';
import { healthCardOrderQueue, letterQueue, messengerQueue } from '@/lib/admin/queues';
import { memberSearchSchema } from '@/lib/staff/schema';
import { requireStaff } from '@/lib/staff/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.search'))('title') };
}

/** The console's start: find a member by KVNR, name or email; the open queues at a glance. */
export default async function ConsoleHome({ searchParams }: { searchParams: Promise<{ q?: string; ansicht?: string }> }) {
  await requireStaff();
  const { q, ansicht } = await searchParams;
  const t = await getTranslations('admin');
  const format = await getFormatter();
  const query = memberSearchSchema.safeParse({ q: q ?? '' });
  const [results, conversations, letters, orders] = await Promise.all([
    query.success ? searchMembers(query.data.q) : Promise.resolve(null),
    messengerQueue.count(),
    letterQueue.count(),
    healthCardOrderQueue.count(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      {ansicht === 'beendet' && <Banner tone="success">{t('impersonate.ended')}</Banner>}
      <h1 className="text-2xl font-bold text-brand-dark">{t('search.title')}</h1>
      <form role="search" method="get" action="/admin" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1.5">
          <label htmlFor="q" className="font-semibold">
            {t('search.label')}
          </label>
          <input id="q" name="q" defaultValue={q ?? ''} minLength={2} maxLength={100} required className="min-h-11 rounded-lg border-2 border-surface-line bg-surface px-3 py-2" />
        </div>
        <button type="submit" className={buttonClass('primary')}>
          {t('search.button')}
        </button>
      </form>
      {results && (
        <section aria-labelledby="results" className="flex flex-col gap-2">
          <h2 id="results" className="text-xl font-semibold">
            {t('search.results')}
          </h2>
          {results.length === 0 ? (
            <p>{t('search.none')}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {results.map((m) => (
                <li key={m.id} className="rounded-lg border border-surface-line bg-surface p-3">
                  <Link href={`/admin/mitglieder/${m.id}`} className="font-semibold text-brand underline">
                    {m.firstName} {m.lastName}
                  </Link>
                  <span className="block text-sm text-ink-muted">
                    {m.kvnr} · {format.dateTime(m.birthDate, { dateStyle: 'medium', timeZone: 'UTC' })} · {t(`levels.${m.level}`)}
                    {!m.account && ` · ${t('search.noLogin')}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="queues" className="flex flex-col gap-2">
        <h2 id="queues" className="text-xl font-semibold">
          {t('search.queues')}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-3">
          {[
            { href: '/admin/nachrichten', label: t('nav.messenger'), count: conversations },
            { href: '/admin/post', label: t('nav.letters'), count: letters },
            { href: '/admin/gesundheitskarten', label: t('nav.healthCards'), count: orders },
          ].map((queue) => (
            <li key={queue.href}>
              <Link href={queue.href} className="flex min-h-11 items-center justify-between rounded-lg border border-surface-line bg-surface p-4 font-semibold text-brand hover:bg-brand-light">
                {queue.label}
                <span className="rounded-full bg-brand px-2.5 py-0.5 text-sm text-white">{queue.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

import Link from 'next/link';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireMember } from '@/lib/auth/session';
import { formGroups, searchForms } from '@/lib/downloads/forms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('downloads');
  return { title: t('title') };
}

/**
 * The insurer's forms for every member, smart or not: they hold no personal data, and a basic member,
 * who cannot apply online, needs them most.
 */
export default async function DownloadcenterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireMember();
  const t = await getTranslations('downloads');
  const q = typeof (await searchParams).q === 'string' ? String((await searchParams).q).slice(0, 100) : '';
  const forms = searchForms(q);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <form role="search" method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <label htmlFor="q" className="font-semibold">
            {t('search')}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={100} className="min-h-11 rounded-lg border-2 border-surface-line bg-surface px-3 py-2" />
        </div>
        <button type="submit" className={buttonClass('primary')}>
          {t('searchButton')}
        </button>
      </form>
      <p aria-live="polite">{q ? t('results', { count: forms.length, q }) : null}</p>
      {formGroups.map((group) => {
        const inGroup = forms.filter((f) => f.group === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`} className="mb-3 text-lg font-semibold text-brand-dark">
              {t(`group.${group}`)}
            </h2>
            <ul className="grid gap-3 md:grid-cols-2">
              {inGroup.map((form) => (
                <li key={form.slug}>
                  <Card className="flex h-full flex-col gap-2">
                    <h3 className="font-semibold">{form.title}</h3>
                    <p className="text-sm text-ink-muted">{form.summary}</p>
                    <p className="text-xs text-ink-muted">{t('code', { code: form.code })}</p>
                    {form.online && (
                      <p className="rounded-lg bg-brand-light p-2 text-sm">
                        {t('online')}{' '}
                        <Link href={form.online} className="font-semibold text-brand-dark underline">
                          {t('onlineLink')}
                        </Link>
                      </p>
                    )}
                    <a href={`/downloadcenter/${form.slug}`} download className={buttonClass('secondary', 'mt-auto self-start')}>
                      {t('download')}
                      <span className="sr-only">: {form.title}</span>
                    </a>
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

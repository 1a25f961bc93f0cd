import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { letterCategories, type ListFilter } from '@/lib/mailbox/schema';

const control = 'min-h-11 w-full rounded-lg border-2 border-surface-line bg-surface px-3 py-2 text-base text-ink';

/**
 * Subject search at hand, category and year behind one "Filter" control (a native disclosure: no
 * JavaScript, keyboard and screen reader for free), as a plain GET form: the filters live in the URL.
 * The row keeps its shape whether or not a filter is active; what is active is one line below it.
 */
export function LetterFilters({ filter, years }: { filter: ListFilter; years: number[] }) {
  const t = useTranslations('mailbox');
  const chosen = [filter.category ? t(`category.${filter.category}`) : null, filter.year ? String(filter.year) : null].filter((v): v is string => Boolean(v));
  const active = Boolean(filter.category || filter.year || filter.q);
  const resetHref = filter.tab === 'inbox' ? '/postfach' : `/postfach?tab=${filter.tab}`;
  return (
    <form method="get" action="/postfach" role="search" aria-label={t('filters.label')} className="flex flex-col gap-2">
      {filter.tab !== 'inbox' && <input type="hidden" name="tab" value={filter.tab} />}
      {/* On a phone the label is read out and stands in the field as its placeholder: one row less. */}
      <label htmlFor="q" className="sr-only text-sm font-semibold sm:not-sr-only">
        {t('filters.search')}
      </label>
      <div className="flex flex-wrap gap-2">
        <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={100} placeholder={t('filters.search')} className={`${control} w-auto min-w-0 flex-1 placeholder:text-ink-muted sm:placeholder:text-transparent`} />
        <button type="submit" className={buttonClass('secondary', 'shrink-0 px-3 sm:px-5')}>
          <Icon name="search" className="h-5 w-5" />
          <span className="sr-only sm:not-sr-only">{t('filters.submitSearch')}</span>
        </button>
        {/* Closed, "Filter" stands beside the search; open, its choices take the full width below it. */}
        <details className="group rounded-lg border border-surface-line bg-surface open:basis-full sm:basis-full">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-3 font-semibold text-brand [&::-webkit-details-marker]:hidden">
            <Icon name="sliders" className="h-5 w-5" />
            {t('filters.more')}
            {chosen.length > 0 && <span className="rounded-full bg-brand px-2 text-xs font-bold text-white">{t('filters.activeCount', { count: chosen.length })}</span>}
            <Icon name="chevron" className="ml-auto hidden h-5 w-5 transition-transform group-open:block group-open:rotate-90 sm:block" />
          </summary>
        <div className="grid gap-3 border-t border-surface-line p-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
          <div className="flex flex-col gap-1">
            <label htmlFor="category" className="text-sm font-semibold">
              {t('filters.category')}
            </label>
            <select id="category" name="category" defaultValue={filter.category ?? ''} className={control}>
              <option value="">{t('filters.all')}</option>
              {letterCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="year" className="text-sm font-semibold">
              {t('filters.year')}
            </label>
            <select id="year" name="year" defaultValue={filter.year ? String(filter.year) : ''} className={control}>
              <option value="">{t('filters.all')}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass('secondary')}>
            {t('filters.apply')}
          </button>
        </div>
        </details>
      </div>
      {active && (
        <p className="flex flex-wrap items-center gap-x-3 text-sm text-ink-muted">
          <span>
            {t('filters.activeLabel')} {[filter.q ? `„${filter.q}“` : null, ...chosen].filter(Boolean).join(' · ')}
          </span>
          <Link href={resetHref} className="min-h-11 content-center font-semibold text-brand underline">
            {t('filters.reset')}
          </Link>
        </p>
      )}
    </form>
  );
}

import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';
import { letterCategories, type ListFilter } from '@/lib/mailbox/schema';

const control = 'min-h-11 w-full rounded-lg border-2 border-surface-line bg-surface px-3 py-2 text-base text-ink';

/** Category, year and subject search as a plain GET form: the filters live in the URL. */
export async function LetterFilters({ filter, years }: { filter: ListFilter; years: number[] }) {
  const t = await getTranslations('mailbox');
  const active = Boolean(filter.category || filter.year || filter.q);
  return (
    <form method="get" action="/postfach" role="search" aria-label={t('filters.label')} className="grid gap-3 sm:grid-cols-[1fr_12rem_8rem_auto] sm:items-end">
      {filter.tab !== 'inbox' && <input type="hidden" name="tab" value={filter.tab} />}
      <div className="flex flex-col gap-1">
        <label htmlFor="q" className="text-sm font-semibold">
          {t('filters.search')}
        </label>
        <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={100} className={control} />
      </div>
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
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass('secondary')}>
          {t('filters.apply')}
        </button>
        {active && (
          <Link href={filter.tab === 'inbox' ? '/postfach' : `/postfach?tab=${filter.tab}`} className={buttonClass('ghost')}>
            {t('filters.reset')}
          </Link>
        )}
      </div>
    </form>
  );
}

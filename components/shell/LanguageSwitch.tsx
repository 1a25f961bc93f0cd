import { useLocale, useTranslations } from 'next-intl';
import { setLocale } from '@/app/actions';
import { locales } from '@/lib/i18n/config';

/** Two plain form buttons, so the switch works with a keyboard, a screen reader and without JavaScript. */
export function LanguageSwitch({ className = '' }: { className?: string }) {
  const t = useTranslations('common');
  const current = useLocale();
  return (
    <form action={setLocale} className={`flex items-center gap-1 ${className}`} aria-label={t('switchLanguage')}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={`min-h-11 min-w-11 rounded-md px-2 text-sm font-semibold ${locale === current ? 'bg-brand text-white' : 'text-brand hover:bg-brand-light'}`}
        >
          {t(`languageNames.${locale}`)}
        </button>
      ))}
    </form>
  );
}

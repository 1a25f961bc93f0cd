import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

/** Every page's footer, logged in or not: the insurer, the service line, the legal pages and Leichte Sprache. */
export function Footer({ className = '', children }: { className?: string; children?: ReactNode }) {
  const t = useTranslations('legal.footer');
  const common = useTranslations('common');
  const links = [
    ['/impressum', t('impressum')],
    ['/datenschutz', t('privacy')],
    ['/barrierefreiheit', t('accessibility')],
    ['/leichte-sprache', t('easyLanguage')],
  ] as const;
  return (
    <footer className={`text-sm text-ink-muted ${className}`}>
      <nav aria-label={t('label')}>
        <ul className="flex flex-wrap gap-x-4">
          {links.map(([href, label]) => (
            <li key={href}>
              <Link href={href} className="inline-flex min-h-11 items-center text-brand underline underline-offset-4">
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        {common('insurer')} · {common('hotline')}
      </p>
      {children}
    </footer>
  );
}

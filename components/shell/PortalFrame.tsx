import type { ReactNode } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Footer } from './Footer';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

/**
 * The portal's frame for pages open to everyone, logged in or not (legal pages, "not found"): header
 * with the logo as the way home, the content, and the footer.
 */
export function PortalFrame({ children }: { children: ReactNode }) {
  const t = useTranslations('common');
  const nav = useTranslations('nav');
  return (
    <div className="flex min-h-screen flex-col bg-surface-subtle">
      <a href="#main" className="sr-only z-50 rounded bg-brand px-4 py-2 text-white focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:px-4 focus:py-2.5">
        {t('skipToContent')}
      </a>
      <header className="border-b border-surface-line bg-surface">
        <div className="mx-auto flex h-16 max-w-3xl items-center justify-between gap-2 px-4">
          <Link href="/" className="flex min-h-11 items-center rounded-lg">
            <Logo label={t('appNameShort')} />
            <span className="sr-only"> – {nav('home')}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <Footer className="mx-auto w-full max-w-3xl px-4 pb-6" />
    </div>
  );
}

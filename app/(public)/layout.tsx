import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Footer } from '@/components/shell/Footer';
import { LanguageSwitch } from '@/components/shell/LanguageSwitch';
import { Logo } from '@/components/shell/Logo';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <div className="flex min-h-screen flex-col bg-surface-subtle">
      <a href="#main" className="sr-only z-50 rounded bg-brand px-4 py-2 text-white focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:px-4 focus:py-2.5">
        {t('skipToContent')}
      </a>
      <header className="border-b border-surface-line bg-surface">
        <div className="mx-auto flex h-16 max-w-3xl items-center justify-between px-4">
          <Logo label={t('appNameShort')} />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-md flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <Footer className="mx-auto w-full max-w-3xl px-4 pb-6" />
    </div>
  );
}

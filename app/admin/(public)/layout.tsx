import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/shell/ClientMessages';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/shell/LanguageSwitch';
import { Logo } from '@/components/shell/Logo';

/** The staff login and passkey enrolment: the only admin pages without a staff session. */
export default async function StaffPublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('admin');
  const common = await getTranslations('common');
  return (
    <div className="flex min-h-screen flex-col bg-surface-subtle">
      <a href="#main" className="sr-only z-50 rounded bg-brand px-4 py-2 text-white focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:px-4 focus:py-2.5">
        {common('skipToContent')}
      </a>
      <header className="border-b border-surface-line bg-surface">
        <div className="mx-auto flex h-16 max-w-3xl items-center justify-between px-4">
          <span className="flex items-center gap-2">
            <Logo label={t('appName')} />
          </span>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-md flex-1 px-4 py-8 focus:outline-none">
        <ClientMessages namespaces={['admin']}>{children}</ClientMessages>
      </main>
    </div>
  );
}

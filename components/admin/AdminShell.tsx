import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/shell/LanguageSwitch';
import { Logo } from '@/components/shell/Logo';
import type { StaffRole } from '@/lib/generated/prisma/enums';
import { hasRole } from '@/lib/staff/role';

/** The console's sections; a staff member sees those of their role. Queues whose model exists only. */
const SECTIONS: { href: string; key: string; role: StaffRole }[] = [
  { href: '/admin', key: 'search', role: 'SUPPORT_AGENT' },
  { href: '/admin/nachrichten', key: 'messenger', role: 'SUPPORT_AGENT' },
  { href: '/admin/post', key: 'letters', role: 'SUPPORT_AGENT' },
  { href: '/admin/gesundheitskarten', key: 'healthCards', role: 'SUPPORT_AGENT' },
  { href: '/admin/support', key: 'support', role: 'SUPPORT_AGENT' },
  { href: '/admin/namensaenderungen', key: 'nameChanges', role: 'SUPPORT_AGENT' },
  { href: '/admin/ansichten', key: 'impersonations', role: 'SUPERVISOR' },
  { href: '/admin/protokoll', key: 'audit', role: 'SUPERVISOR' },
  { href: '/admin/mitarbeitende', key: 'staff', role: 'ADMINISTRATOR' },
];

export async function AdminShell({ staff, logoutAction, children }: { staff: { name: string; role: StaffRole }; logoutAction: () => Promise<void>; children: ReactNode }) {
  const t = await getTranslations('admin');
  const common = await getTranslations('common');
  return (
    <div className="min-h-screen bg-surface-subtle">
      <a href="#main" className="sr-only z-50 rounded bg-brand px-4 py-2 text-white focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:px-4 focus:py-2.5">
        {common('skipToContent')}
      </a>
      <header className="border-b border-surface-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <Link href="/admin" className="flex min-h-11 items-center rounded-lg">
            <Logo label={t('appName')} />
          </Link>
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-sm text-ink-muted">{t('nav.signedInAs', { name: staff.name, role: t(`roles.${staff.role}`) })}</p>
            <LanguageSwitch />
            <form action={logoutAction}>
              <button type="submit" className="min-h-11 rounded-md px-3 font-semibold text-brand hover:bg-brand-light">
                {t('nav.logout')}
              </button>
            </form>
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="mx-auto max-w-6xl px-4">
          <ul className="flex flex-wrap gap-1 pb-2">
            {SECTIONS.filter((s) => hasRole(staff.role, s.role)).map((s) => (
              <li key={s.href}>
                <Link href={s.href} className="inline-flex min-h-11 items-center rounded-md px-3 font-semibold text-brand hover:bg-brand-light">
                  {t(`nav.${s.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}

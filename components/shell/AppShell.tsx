import type { ReactNode } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MemberBadges } from '@/lib/navigation/badges';
import { Footer } from './Footer';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { NavLinks, type NavItem } from './NavLinks';
import { ProfileMenu } from './ProfileMenu';

/**
 * The member area's frame: header with profile menu, a sidebar from the md breakpoint on, and a bottom
 * navigation on phones. The skip link is the first thing a keyboard reaches. Synchronous, like the frame's
 * other parts: the layout hands it the badges, so rendering it waits for nothing.
 */
export function AppShell({ memberName, badges, children }: { memberName: string; badges: MemberBadges; children: ReactNode }) {
  const t = useTranslations('nav');
  const common = useTranslations('common');
  const mailbox = useTranslations('mailbox');
  const messenger = useTranslations('messenger');
  const items: NavItem[] = [
    { href: '/', label: t('home'), icon: 'home' },
    { href: '/postfach', label: t('mailbox'), icon: 'mail', badge: badges.letters, badgeLabel: mailbox('navBadge') },
    // On phones the Messenger is one tap away from the Postfach (with its own unread mark there).
    { href: '/nachrichten', label: t('messenger'), icon: 'chat', badge: badges.conversations, badgeLabel: messenger('navBadge'), inBottomBar: false },
    { href: '/versicherung', label: t('insurance'), icon: 'shield' },
    { href: '/antraege', label: t('claims'), icon: 'document', inBottomBar: false },
    { href: '/profil', label: t('profile'), icon: 'user' },
  ];
  return (
    <div className="min-h-screen bg-surface-subtle">
      <a href="#main" className="sr-only z-50 rounded bg-brand px-4 py-2 text-white focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:px-4 focus:py-2.5">
        {common('skipToContent')}
      </a>
      <header className="sticky top-0 z-20 border-b border-surface-line bg-surface">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-4">
          <Link href="/" className="flex min-h-11 items-center rounded-lg">
            <Logo label={common('appNameShort')} />
            <span className="sr-only"> – {t('home')}</span>
          </Link>
          <div className="flex items-center gap-1">
            <LanguageSwitch className="hidden sm:flex" />
            <ProfileMenu name={memberName} unreadNotifications={badges.notifications} />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl gap-8 px-4 pb-24 pt-6 md:pb-10">
        {/* One navigation for every width (NavLinks): fixed at the bottom on phones, the sidebar from md on. */}
        <nav
          aria-label={t('label')}
          className="fixed inset-x-0 bottom-0 z-20 border-t border-surface-line bg-surface md:sticky md:inset-auto md:top-24 md:z-auto md:h-fit md:w-56 md:shrink-0 md:border-0 md:bg-transparent"
        >
          <NavLinks items={items} />
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>
      <Footer className="mx-auto max-w-6xl px-4 pb-24 md:pb-8 md:pl-68">
        <LanguageSwitch className="mt-2 sm:hidden" />
      </Footer>
    </div>
  );
}

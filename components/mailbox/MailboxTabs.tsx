import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { mailboxTabs, type MailboxTab } from '@/lib/mailbox/schema';

/** The Postfach's folders as links; the current one is marked for screen readers. */
export function MailboxTabs({ current, unread }: { current: MailboxTab; unread: number }) {
  const t = useTranslations('mailbox');
  // On a narrow phone the folders may not fit side by side: they scroll instead of being cut off.
  return (
    <nav aria-label={t('tabs.label')} className="overflow-x-auto">
      <ul className="flex w-max min-w-full border-b border-surface-line sm:gap-1">
        {mailboxTabs.map((tab) => {
          const active = tab === current;
          return (
            <li key={tab} className="flex-1 sm:flex-none">
              <Link
                href={tab === 'inbox' ? '/postfach' : `/postfach?tab=${tab}`}
                aria-current={active ? 'page' : undefined}
                className={`-mb-px flex min-h-11 items-center justify-center gap-2 border-b-4 px-2 font-semibold sm:px-3 ${active ? 'border-brand text-brand-dark' : 'border-transparent text-ink-muted hover:text-ink'}`}
              >
                {t(`tabs.${tab}`)}
                {tab === 'inbox' && unread > 0 && (
                  <span className="rounded-full bg-danger px-2 text-xs font-bold text-white">
                    {unread}
                    <span className="sr-only"> {t('navBadge')}</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

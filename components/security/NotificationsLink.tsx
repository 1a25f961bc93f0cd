import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getSession } from '@/lib/auth/session';
import { memberBadges } from '@/lib/navigation/badges';

/** The header's bell: a link to the notifications with the number of unread ones. */
export async function NotificationsLink() {
  const session = await getSession();
  if (session.status !== 'active') return null;
  const { notifications: unread } = await memberBadges(session.memberId);
  const t = await getTranslations('notifications');
  return (
    <Link
      href="/benachrichtigungen"
      className="relative flex min-h-11 min-w-11 items-center justify-center rounded-lg text-brand hover:bg-brand-light"
      data-testid="notifications-link"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="icon h-6 w-6">
        <path d="M6 10a6 6 0 1 1 12 0c0 5 2 6.5 2 6.5H4S6 15 6 10zM10 20a2 2 0 0 0 4 0" />
      </svg>
      <span className="sr-only">
        {t('link')} ({t('unread', { count: unread })})
      </span>
      {unread > 0 && (
        <span aria-hidden="true" className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-danger px-1 text-center text-xs font-bold leading-5 text-white">
          {unread > 9 ? '9+' : unread}
        </span>
      )}
    </Link>
  );
}

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Icon } from '@/components/ui/Icon';

/** The header's bell: a link to the notifications with the number of unread ones (frameBadges). */
export function NotificationsLink({ unread }: { unread: number }) {
  const t = useTranslations('notifications');
  return (
    <Link
      href="/benachrichtigungen"
      className="relative flex min-h-11 min-w-11 items-center justify-center rounded-lg text-brand hover:bg-brand-light"
      data-testid="notifications-link"
    >
      <Icon name="bell" />
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

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { logout } from '@/app/actions';
import { Icon } from '@/components/ui/Icon';
import { NotificationsLink } from '@/components/security/NotificationsLink';
import { MenuDisclosure } from './MenuDisclosure';

/** A disclosure (details/summary): opens with Enter or Space, no script needed; see MenuDisclosure. */
export function ProfileMenu({ name, unreadNotifications }: { name: string; unreadNotifications: number }) {
  const t = useTranslations('nav');
  const itemClass = 'flex min-h-11 w-full items-center gap-2 px-4 py-2 text-left text-ink hover:bg-brand-light';
  return (
    <>
      <NotificationsLink unread={unreadNotifications} />
      <MenuDisclosure className="group relative">
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-lg px-3 font-medium text-brand hover:bg-brand-light [&::-webkit-details-marker]:hidden">
          <Icon name="user" />
          <span className="sr-only sm:not-sr-only">{name}</span>{' '}
          <span className="sr-only">{t('profileMenu')}</span>
        </summary>
        <div className="absolute right-0 z-30 mt-2 w-64 overflow-hidden rounded-lg border border-surface-line bg-surface py-1 shadow-lg">
          <p className="px-4 py-2 text-sm text-ink-muted">{t('loggedInAs', { name })}</p>
          <Link href="/profil" className={itemClass}>
            {t('personalData')}
          </Link>
          <Link href="/profil/sicherheit" className={itemClass}>
            {t('security')}
          </Link>
          <Link href="/benachrichtigungen" className={itemClass}>
            {t('notifications')}
          </Link>
          <Link href="/profil/einstellungen" className={itemClass}>
            {t('settings')}
          </Link>
          <form action={logout} className="border-t border-surface-line">
            <button type="submit" className={itemClass}>
              <Icon name="logout" className="h-5 w-5" />
              {t('logout')}
            </button>
          </form>
        </div>
      </MenuDisclosure>
    </>
  );
}

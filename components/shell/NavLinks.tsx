'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Icon, type IconName } from '@/components/ui/Icon';

export type NavItem = {
  href: string;
  label: string;
  icon: IconName;
  badge?: number;
  badgeLabel?: string;
  /** Whether the item also stands in the phone's bottom bar, which has room for four. */
  inBottomBar?: boolean;
};

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The main navigation, one list for every width: a bottom bar of four on phones (the items with
 * `inBottomBar: false` are left out there), the sidebar with all of them from the md breakpoint on.
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="grid grid-cols-4 md:flex md:flex-col md:gap-1">
      {items.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href} className={item.inBottomBar === false ? 'hidden md:block' : undefined}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`flex min-h-14 flex-col items-center justify-center gap-0.5 px-1 text-xs font-medium md:min-h-11 md:flex-row md:justify-start md:gap-3 md:rounded-lg md:px-3 md:py-2 md:text-base ${active ? 'text-brand md:bg-brand md:text-white' : 'text-ink-muted md:text-ink md:hover:bg-brand-light'}`}
            >
              <span className="relative">
                <Icon name={item.icon} />
                {item.badge ? (
                  <span className="absolute -right-2 -top-1 rounded-full bg-danger px-1.5 text-[0.7rem] font-bold text-white">
                    {item.badge}
                    <span className="sr-only"> {item.badgeLabel}</span>
                  </span>
                ) : null}
              </span>
              <span className={active ? 'font-bold md:font-medium' : undefined}>{item.label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

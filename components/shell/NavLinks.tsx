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

/** The sidebar on wide screens and the bottom bar on phones share these links. */
export function NavLinks({ items: all, variant }: { items: NavItem[]; variant: 'sidebar' | 'bottom' }) {
  const pathname = usePathname();
  const items = variant === 'bottom' ? all.filter((item) => item.inBottomBar !== false) : all;
  return (
    <ul
      className={variant === 'sidebar' ? 'flex flex-col gap-1' : 'grid'}
      style={variant === 'bottom' ? { gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` } : undefined}
    >
      {items.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={
                variant === 'sidebar'
                  ? `flex min-h-11 items-center gap-3 rounded-lg px-3 py-2 font-medium ${active ? 'bg-brand text-white' : 'text-ink hover:bg-brand-light'}`
                  : `flex min-h-14 flex-col items-center justify-center gap-0.5 px-1 text-xs font-medium ${active ? 'text-brand' : 'text-ink-muted'}`
              }
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
              <span className={variant === 'bottom' && active ? 'font-bold' : ''}>{item.label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

import type { ReactNode } from 'react';
import Link from 'next/link';
import { Icon } from './Icon';

/** "Zurück zu …" at the top of a subpage: one look everywhere, and a touch target of 44 px. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="-my-2.5 inline-flex min-h-11 w-fit items-center gap-1 font-semibold text-brand underline underline-offset-4 hover:text-brand-dark">
      <Icon name="chevron" className="h-4 w-4 shrink-0 rotate-180" />
      {children}
    </Link>
  );
}

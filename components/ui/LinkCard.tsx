import Link from 'next/link';
import { Icon, type IconName } from './Icon';

/** A whole card that leads to another page: icon, title, one line on what is there, and a chevron. */
export function LinkCard({ href, icon, title, text }: { href: string; icon: IconName; title: string; text: string }) {
  return (
    <Link href={href} className="flex items-center gap-4 rounded-card border border-surface-line bg-surface p-5 shadow-sm hover:border-brand hover:shadow-md">
      <span className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full bg-brand-light text-brand">
        <Icon name={icon} />
      </span>
      <span className="flex min-w-0 flex-1 flex-col gap-1">
        <span className="break-words text-lg font-semibold text-brand-dark hyphens-auto">{title}</span>
        <span className="text-sm text-ink-muted">{text}</span>
      </span>
      <Icon name="chevron" className="h-5 w-5 shrink-0 text-brand" />
    </Link>
  );
}

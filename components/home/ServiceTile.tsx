import Link from 'next/link';
import { Icon, type IconName } from '@/components/ui/Icon';

type Props = { title: string; text: string; icon: IconName; href?: string; note?: string };

/** A tile on the Startseite; without an href it is shown as not yet available (no dead link). */
export function ServiceTile({ title, text, icon, href, note }: Props) {
  const body = (
    <>
      <span className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full bg-brand-light text-brand">
        <Icon name={icon} />
      </span>
      <span className="flex min-w-0 flex-col gap-1">
        <span className="break-words font-semibold text-brand-dark hyphens-auto">{title}</span>
        <span className="text-sm text-ink-muted">{text}</span>
        {note && <span className="mt-1 w-fit rounded bg-surface-subtle px-2 py-0.5 text-xs font-semibold text-ink-muted">{note}</span>}
      </span>
    </>
  );
  const frame = 'flex h-full gap-4 rounded-card border border-surface-line bg-surface p-4';
  return (
    <li>
      {href ? (
        <Link href={href} className={`${frame} hover:border-brand hover:shadow-md`}>
          {body}
        </Link>
      ) : (
        <div className={frame}>{body}</div>
      )}
    </li>
  );
}

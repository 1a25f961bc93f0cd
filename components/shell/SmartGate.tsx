import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import type { SmartAccess } from '@/lib/auth/access';

type Props = {
  access: Extract<SmartAccess, { ok: false }>;
  /** What the feature offers, in one sentence. */
  feature: string;
  /** The page's own heading, when the gate stands in for a whole page. */
  title?: string;
};

/**
 * Shown instead of a smart feature to a member who may not open it yet: what the feature offers and
 * the way to it ("Jetzt zu smart wechseln", or identifying this browser again).
 */
export async function SmartGate({ access, feature, title }: Props) {
  const t = await getTranslations('smartGate');
  const gate = (
    <Card className="border-brand bg-brand-light">
      <h2 className="text-lg font-semibold text-brand-dark">{t(`${access.reason}.title`)}</h2>
      <p className="mt-2">{feature}</p>
      <p className="mt-2">{t(`${access.reason}.text`)}</p>
      <Link href="/smart" className={buttonClass('primary', 'mt-4')}>
        {t(`${access.reason}.action`)}
      </Link>
    </Card>
  );
  if (!title) return gate;
  return (
    <div>
      <PageHeading>{title}</PageHeading>
      {gate}
    </div>
  );
}

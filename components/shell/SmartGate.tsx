import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import type { SmartAccess } from '@/lib/auth/access';

/**
 * Shown instead of a smart feature to a member who may not open it yet: what the feature offers and
 * the way to it ("Jetzt zu smart wechseln", or identifying this browser again).
 */
export async function SmartGate({ access, feature }: { access: Extract<SmartAccess, { ok: false }>; feature: string }) {
  const t = await getTranslations('smartGate');
  return (
    <Card className="border-brand bg-brand-light">
      <h2 className="text-lg font-semibold text-brand-dark">{t(`${access.reason}.title`)}</h2>
      <p className="mt-2">{feature}</p>
      <p className="mt-2">{t(`${access.reason}.text`)}</p>
      <Link href="/smart" className={buttonClass('primary', 'mt-4')}>
        {t(`${access.reason}.action`)}
      </Link>
    </Card>
  );
}

import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { DeviceCheckPending } from '@/components/identity/DeviceCheck';
import type { SmartAccess } from '@/lib/auth/access';
import { requireMember } from '@/lib/auth/session';

/**
 * The smart areas and the catalogue namespace that holds each one's `title` and `gateFeature`; the
 * longest matching path prefix wins. A new smart area adds its line here.
 */
const AREAS: [prefix: string, namespace: string][] = [
  ['/postfach', 'mailbox'],
  ['/nachrichten', 'messenger'],
  ['/versicherung/bescheinigung', 'certificates'],
  ['/versicherung', 'insurance'],
  ['/profil/gesundheitskarte', 'healthCard'],
  ['/antraege', 'claims'],
  ['/profil/daten', 'profile.data'],
  ['/profil/bankverbindungen', 'bank'],
  ['/smarthealth', 'smarthealth'],
];

export function smartAreaOf(pathname: string): string | undefined {
  return AREAS.filter(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`)).sort(
    (a, b) => b[0].length - a[0].length,
  )[0]?.[1];
}

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
  const offer = (
    <Card className="border-brand bg-brand-light">
      <h2 className="text-lg font-semibold text-brand-dark">{t(`${access.reason}.title`)}</h2>
      <p className="mt-2">{feature}</p>
      <p className="mt-2">{t(`${access.reason}.text`)}</p>
      <Link href="/smart" className={buttonClass('primary', 'mt-4')}>
        {t(`${access.reason}.action`)}
      </Link>
    </Card>
  );
  // A bound browser proves itself in the background after a login: no identification offer until that failed.
  const gate =
    access.reason === 'device' ? (
      <DeviceCheckPending memberId={(await requireMember()).memberId} checkingText={t('device.checking')}>
        {offer}
      </DeviceCheckPending>
    ) : (
      offer
    );
  if (!title) return gate;
  return (
    <div>
      <PageHeading>{title}</PageHeading>
      {gate}
    </div>
  );
}

/** The gate standing in for a whole smart page, with the heading and offer of the area it belongs to. */
export async function SmartAreaGate({ access, pathname }: { access: Extract<SmartAccess, { ok: false }>; pathname: string }) {
  const namespace = smartAreaOf(pathname);
  if (!namespace) {
    const t = await getTranslations('smartGate');
    return <SmartGate access={access} title={t('genericTitle')} feature={t('genericFeature')} />;
  }
  const t = await getTranslations(namespace);
  return <SmartGate access={access} title={t('title')} feature={t('gateFeature')} />;
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SmartSwitchForm } from '@/components/identity/SmartSwitchForm';
import { Banner } from '@/components/ui/Banner';
import { Card, PageHeading } from '@/components/ui/Card';
import { smartAccess } from '@/lib/auth/access';
import { requireMember } from '@/lib/auth/session';
import { startSmartSwitch } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('identity.smart');
  return { title: t('title') };
}

// Provider answers and result checks the member sees, grouped into the messages they need.
const messageFor: Record<string, string> = {
  face_mismatch: 'face_mismatch',
  document_expired: 'document_expired',
  liveness_failed: 'liveness_failed',
  cancelled: 'cancelled',
  eid_disabled: 'eid_disabled',
  pin_blocked: 'pin_blocked',
  identity_mismatch: 'identity_mismatch',
  invalid_state: 'invalid_state',
};

export default async function SmartSwitchPage({ searchParams }: { searchParams: Promise<{ fehler?: string; verfahren?: string }> }) {
  const session = await requireMember();
  const { member } = session;
  const access = smartAccess(session);
  const t = await getTranslations('identity.smart');
  const { fehler } = await searchParams;
  const problem = fehler ? (messageFor[fehler] ?? 'technical') : null;
  // While the eID is switched off, Robo-Ident is the way in (FAQ): preselect it.
  const method = problem === 'eid_disabled' || problem === 'pin_blocked' ? ('nect' as const) : undefined;

  return (
    <div className="flex flex-col gap-6">
      {/* A smart member here only unlocks this browser: "Jetzt zu smart wechseln" is for basic members. */}
      <PageHeading lead={member.level === 'SMART' ? t('leadSmart') : t('lead')}>{member.level === 'SMART' ? t('titleSmart') : t('title')}</PageHeading>
      {problem && (
        <Banner tone={problem === 'cancelled' ? 'info' : 'error'} title={t(`problems.${problem}.title`)}>
          <p>{t(`problems.${problem}.text`)}</p>
          {problem === 'eid_disabled' && (
            <a href="https://www.pin-ruecksetzbrief-bestellen.de" className="mt-2 inline-block font-semibold text-brand underline underline-offset-4" rel="noopener noreferrer" target="_blank">
              {t('problems.eid_disabled.link')}
            </a>
          )}
        </Banner>
      )}
      {access.ok && <Banner tone="success">{member.smarthealthUnlocked ? t('already.smarthealth') : t('already.smart')}</Banner>}
      {!access.ok && access.reason === 'device' && <Banner tone="info" title={t('device.title')}>{t('device.text')}</Banner>}
      <Card>
        <p>{t('intro')}</p>
        <p className="mt-2">{t('introChoice')}</p>
      </Card>
      <SmartSwitchForm defaults={{ firstName: member.firstName, lastName: member.lastName, kvnr: member.kvnr, method }} action={startSmartSwitch} />
    </div>
  );
}

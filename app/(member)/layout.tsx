import type { ReactNode } from 'react';
import { DeviceCheck } from '@/components/identity/DeviceCheck';
import { ImpersonationBanner } from '@/components/admin/ImpersonationBanner';
import { AppShell } from '@/components/shell/AppShell';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { SessionTimeout } from '@/components/shell/SessionTimeout';
import { env } from '@/lib/config/env';
import { requireMember } from '@/lib/auth/session';
import { frameBadges } from '@/lib/navigation/badges';

export default async function MemberLayout({ children }: { children: ReactNode }) {
  const session = await requireMember();
  const { member, boundDeviceId, impersonation } = session;
  const memberName = `${member.firstName} ${member.lastName}`;
  const t = await getTranslations('session.timeout');
  const timeoutTexts = { title: t('title'), text: t('text', { time: '{time}' }), stay: t('stay'), logout: t('logout') };
  return (
    <>
      {/* Support staff looking at the account read-only: the banner on every page (components/admin). */}
      {impersonation && <ImpersonationBanner impersonation={impersonation} memberName={memberName} />}
      <AppShell memberName={memberName} badges={await frameBadges(session)}>
        {children}
        {/* Factor two after a login: a bound browser proves itself with its key (components/identity). */}
        <DeviceCheck memberId={member.id} needed={!impersonation && member.level === 'SMART' && !boundDeviceId} />
        {!impersonation && (
          <SessionTimeout idleSeconds={env().SESSION_IDLE_MINUTES * 60} texts={timeoutTexts} locale={await getLocale()} timeZone={await getTimeZone()} />
        )}
      </AppShell>
    </>
  );
}

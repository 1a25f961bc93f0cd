import type { ReactNode } from 'react';
import { DeviceCheck } from '@/components/identity/DeviceCheck';
import { AppShell } from '@/components/shell/AppShell';
import { SessionTimeout } from '@/components/shell/SessionTimeout';
import { env } from '@/lib/config/env';
import { requireMember } from '@/lib/auth/session';

export default async function MemberLayout({ children }: { children: ReactNode }) {
  const { member, boundDeviceId } = await requireMember();
  return (
    <AppShell memberName={`${member.firstName} ${member.lastName}`}>
      {children}
      {/* Factor two after a login: a bound browser proves itself with its key (components/identity). */}
      <DeviceCheck memberId={member.id} needed={member.level === 'SMART' && !boundDeviceId} />
      <SessionTimeout idleSeconds={env().SESSION_IDLE_MINUTES * 60} />
    </AppShell>
  );
}

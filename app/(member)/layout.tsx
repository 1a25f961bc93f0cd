import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/AppShell';
import { requireMember } from '@/lib/auth/session';

export default async function MemberLayout({ children }: { children: ReactNode }) {
  const { member } = await requireMember();
  return <AppShell memberName={`${member.firstName} ${member.lastName}`}>{children}</AppShell>;
}

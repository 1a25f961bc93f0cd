import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { SmartAreaGate } from '@/components/shell/SmartGate';
import { smartAccess } from '@/lib/auth/access';
import { requireMember } from '@/lib/auth/session';

/**
 * Every page in this group is a smart feature. A member who may not open it (basic, or this browser not
 * bound) sees the gate of the area instead; the pages themselves still call requireSmartMember(), since a
 * layout is not re-rendered on every client-side navigation.
 */
export default async function SmartLayout({ children }: { children: ReactNode }) {
  const session = await requireMember();
  const access = smartAccess(session);
  if (access.ok) return children;
  const pathname = (await headers()).get('x-hek-path') ?? '';
  return <SmartAreaGate access={access} pathname={pathname} />;
}

'use server';

import { revalidatePath } from 'next/cache';
import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { endImpersonationsOfMember } from '@/lib/staff/impersonation';

/** The member ends staff's running "Ansicht als Mitglied" of their account (refused inside one, as any action). */
export async function endStaffAccessAction(): Promise<void> {
  const { memberId } = await requireMember();
  await endImpersonationsOfMember(memberId, await requestMeta());
  revalidatePath('/benachrichtigungen');
}

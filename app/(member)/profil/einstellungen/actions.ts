'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { setAppCommunication } from '@/lib/mailbox/app-communication';

/**
 * Profil > Einstellungen > App-Kommunikation. Every member may change it, as the registration promises:
 * a basic member's letters wait in the Postfach until smart opens it. Works without JavaScript.
 */
export async function setAppCommunicationAction(formData: FormData): Promise<void> {
  const { memberId, member } = await requireMember();
  const enabled = formData.get('enabled') === 'on';
  if (member.appCommunication !== enabled) await setAppCommunication(memberId, enabled, 'settings', await requestMeta());
  revalidatePath('/', 'layout');
  redirect('/profil/einstellungen?gespeichert=1');
}

'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { nameChangeQueue } from '@/lib/admin/queues';
import { requestMeta } from '@/lib/http/request-meta';
import { requireStaff } from '@/lib/staff/session';

export async function decideNameChangeAction(formData: FormData): Promise<void> {
  const session = await requireStaff();
  const decision = formData.get('decision') === 'APPROVED' ? 'APPROVED' : 'REJECTED';
  const result = await nameChangeQueue.decide(session, String(formData.get('requestId') ?? ''), decision, String(formData.get('note') ?? ''), await requestMeta());
  if (result === 'not_found') notFound();
  revalidatePath('/admin/namensaenderungen');
  redirect(`/admin/namensaenderungen?entschieden=${decision === 'APPROVED' ? 'angenommen' : 'abgelehnt'}`);
}

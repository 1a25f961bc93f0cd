'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { barrierQueue, supportQueue } from '@/lib/admin/queues';
import { requestMeta } from '@/lib/http/request-meta';
import { requireStaff } from '@/lib/staff/session';

export async function answerSupportAction(formData: FormData): Promise<void> {
  const session = await requireStaff();
  const id = String(formData.get('messageId') ?? '');
  const result = await supportQueue.answer(session, id, String(formData.get('text') ?? ''), await requestMeta());
  if (result === 'not_found') notFound();
  revalidatePath('/admin/support');
  redirect(result === 'invalid' ? `/admin/support?leer=${id}#m-${id}` : '/admin/support?beantwortet=1');
}

export async function closeSupportAction(formData: FormData): Promise<void> {
  const session = await requireStaff();
  if ((await supportQueue.close(session, String(formData.get('messageId') ?? ''), await requestMeta())) === 'not_found') notFound();
  revalidatePath('/admin/support');
  redirect('/admin/support?geschlossen=1');
}

export async function markBarrierReportAnsweredAction(formData: FormData): Promise<void> {
  const session = await requireStaff();
  if (!(await barrierQueue.markAnswered(session, String(formData.get('reportId') ?? ''), await requestMeta()))) notFound();
  revalidatePath('/admin/support');
  redirect('/admin/support?barriere=1');
}

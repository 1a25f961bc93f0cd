'use server';

import { revalidatePath } from 'next/cache';
import { requestMeta } from '@/lib/http/request-meta';
import { healthCardOrderQueue } from '@/lib/admin/queues';
import { requireStaff } from '@/lib/staff/session';

export async function markHealthCardSentAction(formData: FormData): Promise<void> {
  const session = await requireStaff();
  await healthCardOrderQueue.markSent(session, String(formData.get('orderId') ?? ''), await requestMeta());
  revalidatePath('/admin/gesundheitskarten');
}

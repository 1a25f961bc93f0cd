'use server';

import { revalidatePath } from 'next/cache';
import { requestMeta } from '@/lib/http/request-meta';
import { letterQueue } from '@/lib/admin/queues';
import { requireStaff } from '@/lib/staff/session';

export async function markLetterDoneAction(formData: FormData): Promise<void> {
  const session = await requireStaff();
  await letterQueue.markDone(session, String(formData.get('letterId') ?? ''), await requestMeta());
  revalidatePath('/admin/post');
}

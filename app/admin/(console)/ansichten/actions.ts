'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requestMeta } from '@/lib/http/request-meta';
import { endImpersonation } from '@/lib/staff/impersonation';
import { requireStaff } from '@/lib/staff/session';

/** A supervisor ends someone's running impersonation. */
export async function endImpersonationAsSupervisorAction(formData: FormData): Promise<void> {
  const { staff } = await requireStaff('SUPERVISOR');
  const id = z.uuid().safeParse(formData.get('impersonationId'));
  if (id.success) await endImpersonation(id.data, 'supervisor', { staff }, await requestMeta());
  revalidatePath('/admin/ansichten');
}

'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { requestAumioCode } from '@/lib/programs/aumio';

export async function requestAumioCodeAction(formData: FormData): Promise<void> {
  const { memberId } = await requireMember();
  const childId = formData.get('childId');
  const result = await requestAumioCode(memberId, typeof childId === 'string' ? childId : '', await requestMeta());
  if (!result.ok && result.error === 'not_found') notFound();
  revalidatePath('/mehr/aumio');
  redirect('/mehr/aumio');
}

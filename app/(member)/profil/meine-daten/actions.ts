'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireMember } from '@/lib/auth/session';
import { kickExports, requestDataExport } from '@/lib/export/commands';
import { requestMeta } from '@/lib/http/request-meta';

export async function requestDataExportAction(): Promise<void> {
  const { memberId } = await requireMember();
  await requestDataExport(memberId, await requestMeta());
  kickExports();
  revalidatePath('/profil/meine-daten');
  redirect('/profil/meine-daten?angefordert=1');
}

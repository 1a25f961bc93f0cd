'use server';

import { revalidatePath } from 'next/cache';
import { requireSmartMember } from '@/lib/auth/access';
import { requestMeta } from '@/lib/http/request-meta';
import { issueCertificate } from '@/lib/certificates/commands';
import type { IssueCertificateInput } from '@/lib/certificates/schema';

export type IssueCertificateState =
  | { ok: true; certificateId: string }
  | { ok: false; errors: Record<string, string[] | undefined>; message: string };

/** Issues a certificate for the logged-in smart member (the logic lives in ./commands). */
export async function issueCertificateAction(input: IssueCertificateInput): Promise<IssueCertificateState> {
  const session = await requireSmartMember();
  const result = await issueCertificate(session.memberId, input, await requestMeta());
  if (result.ok) {
    revalidatePath('/versicherung/bescheinigung');
    return { ok: true, certificateId: result.certificateId };
  }
  if (result.error === 'invalid') return { ok: false, errors: result.fieldErrors, message: 'form.errors.date' };
  return { ok: false, errors: {}, message: `form.errors.${result.error}` };
}

'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { requestMeta } from '@/lib/http/request-meta';
import { checkUploads } from '@/lib/files/upload';
import { letterCategories } from '@/lib/mailbox/schema';
import { claimsQueue, deliverLetterAsStaff } from '@/lib/admin/queues';
import { staffConfirmOptions } from '@/lib/staff/passkey';
import { startImpersonation } from '@/lib/staff/impersonation';
import { startImpersonationSchema } from '@/lib/staff/schema';
import { requireStaff } from '@/lib/staff/session';

/** Options for the fresh passkey confirmation that starting an impersonation needs. */
export async function impersonationConfirmOptionsAction() {
  const { staff } = await requireStaff();
  return staffConfirmOptions(staff.id);
}

export type StartImpersonationState = { ok: boolean; error?: string; errors?: Record<string, string[] | undefined> };

export async function startImpersonationAction(input: { memberId: unknown; reason: unknown; reference: unknown; confirmation: unknown }): Promise<StartImpersonationState> {
  const session = await requireStaff();
  const parsed = startImpersonationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid', errors: parsed.error.flatten().fieldErrors };
  const result = await startImpersonation(session, { ...parsed.data, confirmation: input.confirmation }, await requestMeta());
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}

export type DeliverState = { status?: 'postfach' | 'postal' | 'failed' };

const deliverSchema = z.object({
  memberId: z.uuid(),
  template: z.string().max(60).optional(),
  subject: z.string().trim().max(200).optional(),
  category: z.enum(letterCategories).optional(),
});

/** Delivers a letter (a template, or an uploaded PDF checked by its content) into the member's Postfach. */
export async function deliverLetterAction(_previous: DeliverState, formData: FormData): Promise<DeliverState> {
  const session = await requireStaff();
  const parsed = deliverSchema.safeParse({
    memberId: formData.get('memberId'),
    template: formData.get('template') || undefined,
    subject: formData.get('subject') || undefined,
    category: formData.get('category') || undefined,
  });
  if (!parsed.success) return { status: 'failed' };
  const file = formData.get('pdf');
  let pdf: Uint8Array<ArrayBuffer> | undefined;
  if (file instanceof File && file.size > 0) {
    const check = await checkUploads([{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }], { maxFiles: 1, maxFileBytes: 10 * 1024 * 1024 });
    if (!check.ok || check.files[0]?.contentType !== 'application/pdf') return { status: 'failed' };
    pdf = check.files[0].bytes;
  }
  const result = await deliverLetterAsStaff(session, { ...parsed.data, template: pdf ? undefined : parsed.data.template, pdf }, await requestMeta());
  return { status: result ? result.channel : 'failed' };
}

/** Sets a case's status or asks for missing documents (lib/admin/queues.ts claimsQueue). */
export async function updateCaseAction(formData: FormData): Promise<void> {
  const session = await requireStaff();
  const memberId = String(formData.get('memberId') ?? '');
  const result = await claimsQueue.update(
    session,
    { action: formData.get('action'), caseId: formData.get('caseId'), status: formData.get('status'), medicalService: formData.get('medicalService') === 'on', note: formData.get('note') ?? '', documents: formData.get('documents') ?? '' },
    await requestMeta(),
  );
  if (result === 'not_found') notFound();
  revalidatePath(`/admin/mitglieder/${memberId}`);
  redirect(`/admin/mitglieder/${memberId}?antrag=${result === 'ok' ? 'gespeichert' : 'fehler'}#cases`);
}

'use server';

import { notFound, redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requireSmartMember } from '@/lib/auth/access';
import { discardDraft, saveDraftStep, submitApplication, uploadCaseDocuments } from '@/lib/claims/commands';
import { applicationKinds, caseUploadSchema, confirmStepSchema, type ApplicationKind } from '@/lib/claims/schema';
import type { UploadedFile } from '@/lib/files/upload';
import { requestMeta } from '@/lib/http/request-meta';
import type { ComposeState } from '@/lib/mailbox/form-state';

// Thin endpoints: each checks its caller, parses with the form's schema, then hands over to lib/claims.

/** Saved: the draft and the step to go to next; refused: the catalogue keys by field and the banner's message. */
export type StepState = { ok: true; step: number; draftId: string } | { ok?: false; errors?: Record<string, string[] | undefined>; message?: string };

function kindOf(value: unknown): ApplicationKind {
  if (!(applicationKinds as readonly unknown[]).includes(value)) notFound();
  return value as ApplicationKind;
}

export async function saveStepAction(kind: ApplicationKind, step: number, values: unknown): Promise<StepState> {
  const { memberId } = await requireSmartMember();
  const result = await saveDraftStep(memberId, kindOf(kind), Number(step), values);
  if (!result.ok) return { errors: result.errors, message: 'wizard.failed' };
  return { ok: true, step: result.step, draftId: result.draftId };
}

export async function discardDraftAction(draftId: string): Promise<void> {
  const { memberId } = await requireSmartMember();
  if (!(await discardDraft(memberId, String(draftId)))) notFound();
  revalidatePath('/antraege', 'layout');
  redirect('/antraege?verworfen=1');
}

async function filesOf(formData: FormData): Promise<UploadedFile[]> {
  const files = formData.getAll('files').filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ''));
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export type SubmitState = ComposeState & { step?: number; claimsMessage?: string };

export async function submitApplicationAction(_previous: SubmitState, formData: FormData): Promise<SubmitState> {
  const { memberId } = await requireSmartMember();
  const kind = kindOf(formData.get('kind'));
  const parsed = confirmStepSchema.safeParse({ confirm: formData.get('confirm') === 'true', idempotencyKey: formData.get('idempotencyKey') });
  if (!parsed.success) return { errors: parsed.error.flatten().fieldErrors, claimsMessage: 'wizard.failed' };
  const result = await submitApplication(memberId, kind, parsed.data.idempotencyKey, await filesOf(formData), await requestMeta());
  if (!result.ok) {
    if (result.error === 'no_draft') notFound();
    if (result.error === 'incomplete') return { claimsMessage: 'wizard.incomplete', step: result.step };
    return { message: result.needFile ? 'compose.needFile' : 'compose.notSent', refused: result.refused, tooMany: result.tooMany, needFile: result.needFile };
  }
  revalidatePath('/antraege', 'layout');
  revalidatePath('/postfach', 'layout');
  redirect(`/antraege/${result.caseId}?eingereicht=1`);
}

export async function uploadCaseDocumentsAction(_previous: ComposeState, formData: FormData): Promise<ComposeState> {
  const { memberId } = await requireSmartMember();
  const parsed = caseUploadSchema.safeParse({ caseId: formData.get('caseId'), idempotencyKey: formData.get('idempotencyKey') });
  if (!parsed.success) notFound();
  const result = await uploadCaseDocuments(memberId, parsed.data.caseId, parsed.data.idempotencyKey, await filesOf(formData), await requestMeta());
  if (!result.ok && result.error === 'not_found') notFound();
  if (!result.ok) return { message: result.needFile ? 'compose.needFile' : 'compose.notSent', refused: result.refused, tooMany: result.tooMany, needFile: result.needFile };
  revalidatePath('/antraege', 'layout');
  revalidatePath('/postfach', 'layout');
  redirect(`/antraege/${parsed.data.caseId}?hochgeladen=1`);
}

'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { requireSmartMember } from '@/lib/auth/access';
import { requestMeta } from '@/lib/http/request-meta';
import { changeExpectedBirthDate, enrolBabyCare, leaveBabyCare, saveBabyCareStep } from '@/lib/programs/babycare';

// Thin endpoints: each checks its caller, then hands over to lib/programs/babycare, which parses the
// input with the form's own schema.

export type EnrolState = { status: 'idle' | 'error'; errors?: Record<string, string[] | undefined> };

export async function enrolAction(_previous: EnrolState, formData: FormData): Promise<EnrolState> {
  const { memberId } = await requireSmartMember();
  const result = await enrolBabyCare(memberId, { expectedBirthDate: formData.get('expectedBirthDate'), consent: formData.get('consent') === 'true' }, await requestMeta());
  if (!result.ok) return { status: 'error', errors: result.errors };
  revalidatePath('/mehr/babycare', 'layout');
  redirect('/mehr/babycare/fragebogen');
}

export async function changeDateAction(_previous: EnrolState, formData: FormData): Promise<EnrolState> {
  const { memberId } = await requireSmartMember();
  const result = await changeExpectedBirthDate(memberId, { expectedBirthDate: formData.get('expectedBirthDate') }, await requestMeta());
  if (!result.ok && result.error === 'not_found') notFound();
  if (!result.ok) return { status: 'error', errors: result.errors };
  revalidatePath('/mehr/babycare', 'layout');
  redirect('/mehr/babycare?termin=1');
}

/** Saved: the step to go to next and whether the questionnaire is complete; refused: the catalogue keys by field. */
export type StepState = { ok: true; step: number; completed: boolean } | { ok?: false; errors?: Record<string, string[] | undefined> };

export async function saveStepAction(step: number, values: unknown): Promise<StepState> {
  const { memberId } = await requireSmartMember();
  const result = await saveBabyCareStep(memberId, Number(step), values);
  if (!result.ok) {
    if (result.error === 'not_found') notFound();
    return { errors: result.errors };
  }
  if (result.completed) revalidatePath('/mehr/babycare', 'layout');
  return { ok: true, step: result.step, completed: result.completed };
}

export async function leaveAction(): Promise<void> {
  const { memberId } = await requireSmartMember();
  if (!(await leaveBabyCare(memberId, await requestMeta()))) notFound();
  revalidatePath('/mehr/babycare', 'layout');
  redirect('/mehr/babycare?beendet=1');
}

'use server';

import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import type { FormState } from '@/components/profile/form-state';
import { requireSmartMember } from '@/lib/auth/access';
import { isAppError } from '@/lib/errors/app-error';
import { requestMeta } from '@/lib/http/request-meta';
import { cancelEmailChange, changeAddress, changePhone, requestEmailChange, requestNameChange, withdrawNameChange } from '@/lib/profile/commands';

const PAGE = '/profil/daten';

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

function saved(message: string, values?: Record<string, string>): FormState {
  revalidatePath(PAGE);
  revalidatePath('/profil');
  return { status: 'ok', message, values };
}

export async function changeAddressAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { memberId } = await requireSmartMember();
  const input = { street: text(formData, 'street'), houseNumber: text(formData, 'houseNumber'), postalCode: text(formData, 'postalCode'), city: text(formData, 'city'), country: text(formData, 'country') };
  const result = await changeAddress(memberId, input, await requestMeta());
  return result.ok ? saved('data.address.saved') : { status: 'error', message: 'validation.invalid', errors: result.errors };
}

export async function changePhoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { memberId } = await requireSmartMember();
  const result = await changePhone(memberId, { phone: text(formData, 'phone') }, await requestMeta());
  return result.ok ? saved('data.phone.saved') : { status: 'error', message: 'validation.invalid', errors: result.errors };
}

export async function requestEmailChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSmartMember();
  const email = text(formData, 'email').trim().toLowerCase();
  try {
    const result = await requestEmailChange(session, { email }, await requestMeta());
    if (result.ok) return saved('data.email.sent', { email });
    if ('error' in result) return { status: 'error', message: 'data.email.same' };
    return { status: 'error', message: 'validation.invalid', errors: result.errors };
  } catch (error) {
    if (isAppError(error) && error.code === 'step_up_required') return { status: 'step_up', message: 'data.email.stepUp' };
    throw error;
  }
}

export async function cancelEmailChangeAction(): Promise<void> {
  const { memberId } = await requireSmartMember();
  await cancelEmailChange(memberId, await requestMeta());
  revalidatePath(PAGE);
}

export async function requestNameChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { memberId } = await requireSmartMember();
  const input = { firstName: text(formData, 'firstName'), lastName: text(formData, 'lastName'), reason: text(formData, 'reason'), requestKey: text(formData, 'requestKey') };
  const file = formData.get('document');
  const document = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  const result = await requestNameChange(memberId, input, document, await requestMeta());
  if (result.ok) return saved('data.name.sent');
  const values = { firstName: input.firstName, lastName: input.lastName, reason: input.reason };
  if ('errors' in result) return { status: 'error', message: 'validation.invalid', errors: result.errors, values };
  if (result.error === 'already_pending') return { status: 'error', message: 'data.name.alreadyPending', values };
  return { status: 'error', message: 'validation.invalid', errors: { document: [`data.name.documentErrors.${result.reason}`] }, values };
}

export async function withdrawNameChangeAction(formData: FormData): Promise<void> {
  const { memberId } = await requireSmartMember();
  if ((await withdrawNameChange(memberId, text(formData, 'id'), await requestMeta())) === 'not_found') notFound();
  revalidatePath(PAGE);
}

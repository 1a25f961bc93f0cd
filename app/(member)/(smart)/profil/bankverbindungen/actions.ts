'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/components/profile/form-state';
import { requireSmartMember } from '@/lib/auth/access';
import { addBankAccount } from '@/lib/bank/commands';
import { isAppError } from '@/lib/errors/app-error';
import { requestMeta } from '@/lib/http/request-meta';

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

export async function addBankAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSmartMember();
  const input = { iban: text(formData, 'iban'), accountHolder: text(formData, 'accountHolder'), bic: text(formData, 'bic'), validFrom: text(formData, 'validFrom'), requestKey: text(formData, 'requestKey') };
  try {
    const result = await addBankAccount(session, input, await requestMeta());
    if (!result.ok) return { status: 'error', errors: result.errors };
  } catch (error) {
    if (isAppError(error) && error.code === 'step_up_required') return { status: 'step_up' };
    throw error;
  }
  revalidatePath('/profil/bankverbindungen');
  return { status: 'ok' };
}

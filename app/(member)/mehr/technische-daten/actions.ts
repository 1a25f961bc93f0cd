'use server';

import { revalidatePath } from 'next/cache';
import type { SupportFormState } from '@/components/support/TechnicalDataPanel';
import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { sendSupportMessage } from '@/lib/support/commands';

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export async function sendSupportMessageAction(_previous: SupportFormState, formData: FormData): Promise<SupportFormState> {
  const { memberId } = await requireMember();
  const attach = text(formData, 'attach') === 'on';
  const input = {
    subject: text(formData, 'subject'),
    text: text(formData, 'text'),
    attach,
    technicalData: attach ? parseJson(text(formData, 'technicalData')) : null,
    requestKey: text(formData, 'requestKey'),
  };
  const result = await sendSupportMessage(memberId, input, await requestMeta());
  if (!result.ok) return { status: 'error', errors: result.errors };
  revalidatePath('/mehr/support');
  return { status: 'ok', id: result.id };
}

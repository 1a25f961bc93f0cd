'use server';

import { revalidatePath } from 'next/cache';
import { requestMeta } from '@/lib/http/request-meta';
import { createStaffAccount, disableStaffAccount, newEnrolmentLink } from '@/lib/staff/accounts';
import { requireStaff } from '@/lib/staff/session';

export type CreateStaffState = { link?: string; error?: 'invalid' | 'exists'; values?: { email: string; name: string; role: string } };

export async function createStaffAction(_previous: CreateStaffState, formData: FormData): Promise<CreateStaffState> {
  const { staff } = await requireStaff('ADMINISTRATOR');
  const values = { email: String(formData.get('email') ?? ''), name: String(formData.get('name') ?? ''), role: String(formData.get('role') ?? '') };
  const result = await createStaffAccount(values, staff, await requestMeta());
  revalidatePath('/admin/mitarbeitende');
  return result.ok ? { link: result.enrolmentLink } : { error: result.error, values };
}

export async function disableStaffAction(formData: FormData): Promise<void> {
  const { staff } = await requireStaff('ADMINISTRATOR');
  await disableStaffAccount(String(formData.get('staffId') ?? ''), staff, await requestMeta());
  revalidatePath('/admin/mitarbeitende');
}

export async function newEnrolmentLinkAction(_previous: CreateStaffState, formData: FormData): Promise<CreateStaffState> {
  const { staff } = await requireStaff('ADMINISTRATOR');
  const link = await newEnrolmentLink(String(formData.get('staffId') ?? ''), staff, await requestMeta());
  return link ? { link } : { error: 'invalid' };
}

'use client';

import { useActionState, useId } from 'react';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field, Select } from '@/components/ui/Field';
import { staffRoles } from '@/lib/staff/schema';

type State = { link?: string; error?: 'invalid' | 'exists'; values?: { email: string; name: string; role: string } };

export function CreateStaffForm({ action }: { action: (previous: State, formData: FormData) => Promise<State> }) {
  const t = useTranslations('admin');
  const id = useId();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3" key={state.link ?? 'form'}>
      <Field id={`${id}-email`} name="email" type="email" label={t('staff.email')} required defaultValue={state.values?.email} />
      <Field id={`${id}-name`} name="name" label={t('staff.name')} required maxLength={120} defaultValue={state.values?.name} />
      <Select id={`${id}-role`} name="role" label={t('staff.role')} defaultValue={state.values?.role ?? 'SUPPORT_AGENT'}>
        {staffRoles.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </Select>
      <div aria-live="polite">
        {state.error && <Banner tone="error">{t(`staff.${state.error}`)}</Banner>}
        {state.link && <EnrolmentLink link={state.link} />}
      </div>
      <Button type="submit" disabled={pending} className="w-full sm:w-fit">
        {t('staff.submit')}
      </Button>
    </form>
  );
}

export function EnrolmentLink({ link }: { link: string }) {
  const t = useTranslations('admin.staff');
  return (
    <Banner tone="success">
      {t('created')} <code className="break-all">{link}</code>
    </Banner>
  );
}

export function NewLinkForm({ staffId, action }: { staffId: string; action: (previous: State, formData: FormData) => Promise<State> }) {
  const t = useTranslations('admin.staff');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="staffId" value={staffId} />
      <button type="submit" disabled={pending} className="min-h-11 w-fit rounded-lg border-2 border-brand px-3 font-semibold text-brand hover:bg-brand-light">
        {t('newLink')}
      </button>
      <div aria-live="polite">{state.link && <EnrolmentLink link={state.link} />}</div>
    </form>
  );
}

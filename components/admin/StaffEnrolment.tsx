'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@/components/security/webauthn-client';
import { Banner } from '@/components/ui/Banner';
import { Button, buttonClass } from '@/components/ui/Button';

type Props = {
  token: string;
  optionsAction: (token: string) => Promise<PublicKeyCredentialCreationOptionsJSON | null>;
  completeAction: (token: string, response: unknown) => Promise<{ ok: boolean }>;
};

/** Registers the staff member's passkey at the one-time enrolment link. */
export function StaffEnrolment({ token, optionsAction, completeAction }: Props) {
  const t = useTranslations('admin.enrolment');
  const [state, setState] = useState<'idle' | 'pending' | 'done' | 'failed' | 'invalid'>('idle');

  async function enrol() {
    setState('pending');
    try {
      const optionsJSON = await optionsAction(token);
      if (!optionsJSON) return setState('invalid');
      const response = await startRegistration({ optionsJSON });
      setState((await completeAction(token, response)).ok ? 'done' : 'failed');
    } catch {
      setState('failed');
    }
  }

  if (state === 'done') {
    return (
      <div className="flex flex-col gap-4">
        <Banner tone="success">{t('done')}</Banner>
        <Link href="/admin/login" className={buttonClass('primary', 'w-full')}>
          {t('toLogin')}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite">{(state === 'failed' || state === 'invalid') && <Banner tone="error">{t(state)}</Banner>}</div>
      <Button onClick={enrol} disabled={state === 'pending'} aria-disabled={state === 'pending' || undefined} className="w-full">
        {state === 'pending' ? t('working') : t('button')}
      </Button>
    </div>
  );
}

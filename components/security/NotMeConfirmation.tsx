'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { SubmitButton } from './SubmitButton';

type State = { status: 'idle' | 'done' | 'invalid' };

export function NotMeConfirmation({ action, token, alreadyDone }: { action: (state: State, formData: FormData) => Promise<State>; token: string; alreadyDone: boolean }) {
  const t = useTranslations('notifications.notMePage');
  const initial: State = { status: alreadyDone ? 'done' : token ? 'idle' : 'invalid' };
  const [state, formAction] = useActionState(action, initial);
  if (state.status !== 'idle') {
    return (
      <div className="mt-4 flex flex-col gap-4">
        {state.status === 'done' ? (
          <Banner tone="success" title={t('done')}>
            {t('advice')}
          </Banner>
        ) : (
          <Banner tone="error">{t('invalid')}</Banner>
        )}
        <Link href="/login" className={buttonClass('primary', 'w-full')}>
          {t('toLogin')}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-2 flex flex-col gap-4">
      <p className="text-ink-muted">{t('intro')}</p>
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant="danger" className="w-full">
        {t('confirm')}
      </SubmitButton>
    </form>
  );
}

'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@/components/security/webauthn-client';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field, TextArea } from '@/components/ui/Field';
import { startImpersonationSchema } from '@/lib/staff/schema';

type Props = {
  memberId: string;
  optionsAction: () => Promise<PublicKeyCredentialRequestOptionsJSON>;
  startAction: (input: { memberId: string; reason: string; reference: string; confirmation: unknown }) => Promise<{ ok: boolean; error?: string; errors?: Record<string, string[] | undefined> }>;
};

/** Reason, reference, then a fresh passkey confirmation; the view opens on the member's start page. */
export function ImpersonationStartForm({ memberId, optionsAction, startAction }: Props) {
  const t = useTranslations('admin.impersonate');
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ reason?: string; reference?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = startImpersonationSchema.safeParse({ memberId, reason, reference });
    if (!parsed.success) {
      const errors = parsed.error.flatten().fieldErrors;
      setFieldErrors({ reason: errors.reason && t('errors.reason_short'), reference: errors.reference && t('errors.reference_short') });
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const confirmation = await startAuthentication({ optionsJSON: await optionsAction() });
      const result = await startAction({ memberId, reason, reference, confirmation });
      if (result.ok) {
        // The member's pages render with the impersonation cookie from here on.
        router.push('/');
        return;
      }
      setError(t(`errors.${result.error ?? 'invalid'}`));
    } catch {
      setError(t('errors.confirmation'));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <TextArea id="impersonation-reason" name="reason" label={t('reason')} hint={t('reasonHint')} rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldErrors.reason} />
      <Field id="impersonation-reference" name="reference" label={t('reference')} maxLength={120} value={reference} onChange={(e) => setReference(e.target.value)} error={fieldErrors.reference} />
      <div aria-live="polite">{error && <Banner tone="error">{error}</Banner>}</div>
      <Button type="submit" disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {pending ? t('working') : t('button')}
      </Button>
    </form>
  );
}

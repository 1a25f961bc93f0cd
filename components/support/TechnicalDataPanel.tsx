'use client';

import Link from 'next/link';
import { startTransition, useActionState, useSyncExternalStore } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field, TextArea } from '@/components/ui/Field';
import type { DeviceDescription } from '@/lib/security/user-agent';
import type { SupportMessageInput, TechnicalData } from '@/lib/support/schema';
import { technicalDataFields } from '@/lib/support/choices';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const supportMessageResolver = lazyZodResolver(() => import('@/lib/support/schema').then((m) => m.supportMessageSchema));

export type SupportFormState = { status: 'idle' | 'ok' | 'error'; id?: string; errors?: Record<string, string[] | undefined> };

type Props = {
  version: string;
  build: string;
  kvnr: string;
  requestKey: string;
  action: (state: SupportFormState, formData: FormData) => Promise<SupportFormState>;
  /** The browser's user-agent, described on the server. */
  device: DeviceDescription;
};

type NetworkInformation = { effectiveType?: string; downlink?: number };

type BrowserReport = Omit<TechnicalData, 'version' | 'build' | 'deviceType' | 'connection' | 'browser' | 'os'> & {
  browser: string | null;
  os: string | null;
  kind: 'desktop' | 'mobile' | 'tablet';
  online: boolean;
  effectiveType?: string;
};

let report: BrowserReport | undefined;

/**
 * What this browser reports about itself, read once in the browser (the server cannot know it); browser and
 * system come from its user-agent, parsed on the server (the same string the browser sends), so that the
 * parser stays out of the page's JavaScript.
 */
function browserReport(device: DeviceDescription): BrowserReport {
  if (report) return report;
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  report = {
    browser: device.browser,
    os: device.os,
    kind: device.kind,
    screen: `${window.screen.width} × ${window.screen.height} px, ${window.devicePixelRatio}×`,
    language: navigator.languages?.join(', ') || navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    online: navigator.onLine,
    effectiveType: connection?.effectiveType,
  };
  return report;
}

const noSubscription = () => () => undefined;

/**
 * Mehr > Technische Daten: the data as the browser reports it, and "Nachricht an den App-Support" with a
 * checkbox that attaches the KVNR and exactly these data; the preview shows what will be sent.
 */
export function TechnicalDataPanel({ version, build, kvnr, device, requestKey, action }: Props) {
  const t = useTranslations('support');
  const tech = useTranslations('support.technical');
  const browser = useSyncExternalStore(noSubscription, () => browserReport(device), () => null);
  const data: TechnicalData | null = browser && {
    version,
    build,
    browser: browser.browser ?? tech('unknown'),
    os: browser.os ?? tech('unknown'),
    deviceType: tech(`devices.${browser.kind}`),
    screen: browser.screen,
    language: browser.language,
    timeZone: browser.timeZone,
    connection: [browser.online ? tech('online') : tech('offline'), browser.effectiveType].filter(Boolean).join(', '),
  };
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const { register, handleSubmit, control, formState: { errors } } = useForm<SupportMessageInput>({
    resolver: supportMessageResolver,
    defaultValues: { subject: '', text: '', attach: false, technicalData: null, requestKey },
  });

  const [attach, subject, text] = useWatch({ control, name: ['attach', 'subject', 'text'] });
  const send = handleSubmit((values) => {
    const formData = new FormData();
    formData.set('subject', values.subject);
    formData.set('text', values.text);
    formData.set('requestKey', values.requestKey);
    // Exactly what the preview shows.
    if (values.attach && data) {
      formData.set('attach', 'on');
      formData.set('technicalData', JSON.stringify(data));
    }
    startTransition(() => formAction(formData));
  });
  const error = (name: 'subject' | 'text' | 'attach') => {
    const key = errors[name]?.message ?? state.errors?.[name]?.[0];
    return key ? t(`validation.${key}`) : undefined;
  };
  const rows = data ? technicalDataFields.map((field) => [tech(`fields.${field}`), data[field]] as const) : [];

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <section aria-labelledby="technical-heading">
          <h2 id="technical-heading" className="mb-3 text-xl font-semibold text-brand-dark">{tech('heading')}</h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]" aria-busy={!data}>
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-semibold text-ink-muted">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      </Card>

      <Card>
        <section aria-labelledby="support-heading" className="flex flex-col gap-4">
          <h2 id="support-heading" className="text-xl font-semibold text-brand-dark">{t('form.heading')}</h2>
          {state.status === 'ok' ? (
            <Banner tone="success">
              <p>{t('form.sent')}</p>
              {state.id && (
                <Link href={`/mehr/support/${state.id}`} className="mt-2 inline-block font-semibold text-brand underline underline-offset-4">
                  {t('form.toMessage')}
                </Link>
              )}
            </Banner>
          ) : (
            <form onFocus={supportMessageResolver.preload} onSubmit={send} noValidate className="flex flex-col gap-4" aria-label={t('form.heading')}>
              {state.status === 'error' && <Banner tone="error">{t('validation.invalid')}</Banner>}
              <Field id="subject" label={t('form.subject')} error={error('subject')} {...register('subject')} />
              <TextArea id="text" label={t('form.text')} hint={t('form.textHint')} error={error('text')} {...register('text')} />
              <div className="flex items-start gap-3">
                <input id="attach" type="checkbox" className="mt-1 h-5 w-5 accent-brand" aria-describedby="attach-hint attach-error" {...register('attach')} />
                <div>
                  <label htmlFor="attach" className="font-semibold">
                    {t('form.attach')}
                  </label>
                  <p id="attach-hint" className="text-sm text-ink-muted">
                    {t('form.attachHint')}
                  </p>
                  <p id="attach-error" aria-live="polite" className="text-sm font-medium text-danger">
                    {error('attach')}
                  </p>
                </div>
              </div>
              <section aria-labelledby="preview-heading" className="rounded-lg border border-surface-line bg-surface-subtle p-4">
                <h3 id="preview-heading" className="font-semibold">{t('form.preview')}</h3>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                  <dt className="font-semibold text-ink-muted">{t('form.previewSubject')}</dt>
                  <dd className="break-words">{subject || '–'}</dd>
                  <dt className="font-semibold text-ink-muted">{t('form.previewText')}</dt>
                  <dd className="whitespace-pre-wrap break-words">{text || '–'}</dd>
                  {attach && (
                    <>
                      <dt className="font-semibold text-ink-muted">{t('form.previewKvnr')}</dt>
                      <dd>{kvnr}</dd>
                      {rows.map(([label, value]) => (
                        <div key={label} className="contents">
                          <dt className="font-semibold text-ink-muted">{label}</dt>
                          <dd className="break-words">{value}</dd>
                        </div>
                      ))}
                    </>
                  )}
                </dl>
              </section>
              <Button type="submit" disabled={pending || !data} aria-disabled={pending || !data || undefined} className="w-full sm:w-fit">
                {t('form.submit')}
              </Button>
            </form>
          )}
        </section>
      </Card>
    </div>
  );
}

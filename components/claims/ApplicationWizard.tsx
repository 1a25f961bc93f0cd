'use client';

import { startTransition, useActionState, useEffect, useState, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { Banner } from '@/components/ui/Banner';
import { useStepFocus } from '@/components/ui/useStepFocus';
import { useStepForm } from '@/components/ui/useStepForm';
import { Button } from '@/components/ui/Button';
import { Field, Select } from '@/components/ui/Field';
import { ComposeErrors } from '@/components/mailbox/ComposeErrors';
import { FileChooser, precheck, type Limits } from '@/components/mailbox/FileChooser';
import { discardDraftAction, saveStepAction, submitApplicationAction, type SubmitState } from '@/app/(member)/(smart)/antraege/actions';
import type { ApplicationKind } from '@/lib/claims/schema';
import { employments, STEP_COUNT } from '@/lib/claims/choices';
import { lazyZodResolver, type LazyResolver } from '@/lib/forms/lazy-resolver';

const claims = () => import('@/lib/claims/schema');
const childStepResolver = lazyZodResolver(() => claims().then((m) => m.childStepSchema));
const childPeriodStepResolver = lazyZodResolver(() => claims().then((m) => m.childPeriodStepSchema));
const birthStepResolver = lazyZodResolver(() => claims().then((m) => m.birthStepSchema));
const employmentStepResolver = lazyZodResolver(() => claims().then((m) => m.employmentStepSchema));

export type ChildChoice = { id: string; name: string; left: number };

type Props = {
  kind: ApplicationKind;
  draft: { id: string; step: number; data: Record<string, unknown> } | null;
  childChoices: ChildChoice[];
  year: number;
  limits: Limits;
  idempotencyKey: string;
};

/**
 * The online application in three steps. Each data step is checked with its zod schema here and again
 * on the server, which saves it into the member's draft; the last step sends the certificate.
 */
export function ApplicationWizard({ kind, draft, childChoices, year, limits, idempotencyKey }: Props) {
  const t = useTranslations('claims.wizard');
  const { step, go, heading } = useStepFocus(draft?.step ?? 1);
  const [data, setData] = useState<Record<string, unknown>>(draft?.data ?? {});
  const [draftId, setDraftId] = useState(draft?.id ?? null);
  const [saved, setSaved] = useState(false);
  const onSaved = (values: Record<string, unknown>, next: number, id: string) => {
    setData((d) => ({ ...d, ...values }));
    setDraftId(id);
    setSaved(true);
    go(next);
  };
  const common = { kind, data, onSaved, onBack: step > 1 ? () => go(step - 1) : undefined };

  return (
    <div className="flex flex-col gap-4">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label={t('progress', { step, count: STEP_COUNT })}>
        {[1, 2, 3].map((n) => (
          <li key={n} aria-current={n === step ? 'step' : undefined} className={`rounded-full px-3 py-1 ${n === step ? 'bg-brand text-white' : 'bg-surface-subtle text-ink'}`}>
            {n}. {t(`steps.${kind}.${n}`)}
          </li>
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold text-brand-dark">
        {t('progress', { step, count: STEP_COUNT })}: {t(`steps.${kind}.${step}`)}
      </h2>
      <div aria-live="polite">{saved && step > 1 ? <p className="text-sm text-success">{t('saved')}</p> : null}</div>
      {kind === 'kinderkrankengeld' && step === 1 && <ChildStep {...common} childChoices={childChoices} year={year} />}
      {kind === 'kinderkrankengeld' && step === 2 && <ChildPeriodStep {...common} />}
      {kind === 'mutterschaftsgeld' && step === 1 && <BirthStep {...common} />}
      {kind === 'mutterschaftsgeld' && step === 2 && <EmploymentStep {...common} />}
      {step === 3 && <ConfirmStep kind={kind} limits={limits} idempotencyKey={idempotencyKey} onBack={() => go(2)} onIncomplete={go} />}
      {draftId && (
        <form action={discardDraftAction.bind(null, draftId)}>
          <Button type="submit" variant="ghost">
            {t('discard')}
          </Button>
        </form>
      )}
    </div>
  );
}

type StepProps = {
  kind: ApplicationKind;
  data: Record<string, unknown>;
  onSaved: (values: Record<string, unknown>, next: number, draftId: string) => void;
  onBack?: () => void;
};

/** One data step: the form's schema on the client, the same on the server, which saves the draft (useStepForm). */
function useStep<S extends z.ZodType<FieldValues, FieldValues>>(resolver: LazyResolver<S>, step: number, props: StepProps, defaults: z.input<S>) {
  const t = useTranslations('claims');
  const { form, submit, pending, failed, error } = useStepForm(resolver, defaults, (values) => saveStepAction(props.kind, step, values), (values, saved) =>
    props.onSaved(values, saved.step, saved.draftId),
  );
  const buttons: ReactNode = (
    <div className="flex flex-wrap gap-3">
      {props.onBack && (
        <Button type="button" variant="secondary" onClick={props.onBack}>
          {t('wizard.back')}
        </Button>
      )}
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? t('wizard.saving') : t('wizard.next')}
      </Button>
    </div>
  );
  const banner = failed ? <Banner tone="error" title={t(failed.message ?? 'wizard.failed')} /> : <div aria-live="polite" />;
  const translated = (field: string) => {
    const key = error(field);
    return key ? t(key) : undefined;
  };
  return { form, submit, error: translated, buttons, banner };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function ChildStep(props: StepProps & { childChoices: ChildChoice[]; year: number }) {
  const t = useTranslations('claims.wizard');
  const { form, submit, error, buttons, banner } = useStep(childStepResolver, 1, props, { childId: str(props.data.childId) });
  if (props.childChoices.length === 0) return <Banner tone="info">{t('noChildren')}</Banner>;
  const childError = error('childId');
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {banner}
      <fieldset className="flex flex-col gap-2" aria-describedby="childId-error">
        <legend className="mb-1 font-semibold">{t('child')}</legend>
        {props.childChoices.map((c) => (
          <label key={c.id} className="flex min-h-11 items-center gap-3 rounded-lg border border-surface-line px-3">
            <input type="radio" value={c.id} className="h-5 w-5" {...form.register('childId')} />
            <span>{t('childDaysLeft', { name: c.name, left: c.left, year: props.year })}</span>
          </label>
        ))}
        <p id="childId-error" aria-live="polite" className="text-sm font-medium text-danger">
          {childError}
        </p>
      </fieldset>
      {buttons}
    </form>
  );
}

function ChildPeriodStep(props: StepProps) {
  const t = useTranslations('claims.wizard');
  const { form, submit, error, buttons, banner } = useStep(childPeriodStepResolver, 2, props, {
    from: str(props.data.from),
    to: str(props.data.to),
    hospital: props.data.hospital === true,
    hospitalFrom: str(props.data.hospitalFrom),
    hospitalTo: str(props.data.hospitalTo),
    singleParent: props.data.singleParent === true,
  });
  const hospital = form.watch('hospital');
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {banner}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="from" type="date" label={t('from')} error={error('from')} {...form.register('from')} />
        <Field id="to" type="date" label={t('to')} error={error('to')} {...form.register('to')} />
      </div>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" className="h-5 w-5" {...form.register('hospital')} />
        <span>{t('hospital')}</span>
      </label>
      {hospital && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="hospitalFrom" type="date" label={t('hospitalFrom')} error={error('hospitalFrom')} {...form.register('hospitalFrom')} />
          <Field id="hospitalTo" type="date" label={t('hospitalTo')} error={error('hospitalTo')} {...form.register('hospitalTo')} />
        </div>
      )}
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" className="h-5 w-5" {...form.register('singleParent')} />
        <span>{t('singleParent')}</span>
      </label>
      {buttons}
    </form>
  );
}

function BirthStep(props: StepProps) {
  const t = useTranslations('claims.wizard');
  const { form, submit, error, buttons, banner } = useStep(birthStepResolver, 1, props, { expectedBirthDate: str(props.data.expectedBirthDate) });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {banner}
      <Field id="expectedBirthDate" type="date" label={t('expectedBirthDate')} hint={t('expectedBirthHint')} error={error('expectedBirthDate')} {...form.register('expectedBirthDate')} />
      {buttons}
    </form>
  );
}

function EmploymentStep(props: StepProps) {
  const t = useTranslations('claims.wizard');
  const { form, submit, error, buttons, banner } = useStep(employmentStepResolver, 2, props, {
    employment: (str(props.data.employment) || '') as (typeof employments)[number],
    employerName: str(props.data.employerName),
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {banner}
      <Select id="employment" label={t('employment')} error={error('employment')} {...form.register('employment')}>
        <option value="">–</option>
        {employments.map((e) => (
          <option key={e} value={e}>
            {t(`employments.${e}`)}
          </option>
        ))}
      </Select>
      <Field id="employerName" label={t('employerName')} maxLength={200} error={error('employerName')} {...form.register('employerName')} />
      {buttons}
    </form>
  );
}

function ConfirmStep({ kind, limits, idempotencyKey, onBack, onIncomplete }: { kind: ApplicationKind; limits: Limits; idempotencyKey: string; onBack: () => void; onIncomplete: (step: number) => void }) {
  const t = useTranslations('claims');
  const [state, formAction, pending] = useActionState<SubmitState, FormData>(submitApplicationAction, {});
  const [files, setFiles] = useState<File[]>([]);
  const [confirm, setConfirm] = useState(false);
  const [local, setLocal] = useState<SubmitState>({});

  useEffect(() => {
    if (state.step) onIncomplete(state.step);
  }, [state, onIncomplete]);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!confirm) {
      setLocal({ errors: { confirm: ['validation.confirmRequired'] } });
      return;
    }
    const check = precheck(files, limits);
    if (files.length === 0 || check.tooMany || check.refused.length > 0) {
      setLocal(files.length === 0 ? { message: 'compose.needFile' } : { message: 'compose.notSent', ...check });
      return;
    }
    setLocal({});
    const data = new FormData();
    data.set('kind', kind);
    data.set('confirm', 'true');
    data.set('idempotencyKey', idempotencyKey);
    for (const file of files) data.append('files', file);
    startTransition(() => formAction(data));
  };
  const shown = local.message || local.errors ? local : state;
  const confirmError = shown.errors?.confirm?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {shown.claimsMessage && <Banner tone="error" title={t(shown.claimsMessage)} />}
      <ComposeErrors id="application-errors" state={shown} limits={limits} />
      <p className="font-semibold">{t(kind === 'kinderkrankengeld' ? 'wizard.certificateKinderkrankengeld' : 'wizard.certificateMutterschaftsgeld')}</p>
      <FileChooser files={files} onChange={setFiles} limits={limits} refused={shown.refused ?? []} describedBy="application-errors" />
      <div className="flex flex-col gap-1">
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" className="h-5 w-5" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} aria-describedby="confirm-error" aria-invalid={confirmError ? true : undefined} />
          <span>{t('wizard.confirm')}</span>
        </label>
        <p id="confirm-error" aria-live="polite" className="text-sm font-medium text-danger">
          {confirmError ? t(confirmError) : null}
        </p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={onBack}>
          {t('wizard.back')}
        </Button>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t('wizard.submitting') : t('wizard.submit')}
        </Button>
      </div>
    </form>
  );
}

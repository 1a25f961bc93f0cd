'use client';

import { useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import type { FieldValues, Path } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { Banner } from '@/components/ui/Banner';
import { useStepFocus } from '@/components/ui/useStepFocus';
import { useStepForm } from '@/components/ui/useStepForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { saveStepAction } from '@/app/(member)/(smart)/mehr/babycare/actions';
import type { bodyStepSchema, healthStepSchema, lifestyleStepSchema } from '@/lib/programs/babycare-schema';
import { alcoholChoices, conditions, dietChoices, history, smokingChoices, STEP_COUNT, stepNames, symptoms } from '@/lib/programs/babycare-choices';
import { lazyZodResolver, type LazyResolver } from '@/lib/forms/lazy-resolver';

const bodyStepResolver = lazyZodResolver(() => import('@/lib/programs/babycare-schema').then((m) => m.bodyStepSchema));
const lifestyleStepResolver = lazyZodResolver(() => import('@/lib/programs/babycare-schema').then((m) => m.lifestyleStepSchema));
const healthStepResolver = lazyZodResolver(() => import('@/lib/programs/babycare-schema').then((m) => m.healthStepSchema));

type Answers = Record<string, unknown>;
type Props = { initialStep: number; answers: Answers };

/**
 * "Profil & Analyse" in three steps. Each step is checked with its zod schema here and again on the
 * server, which saves it into the member's draft: a reload, or a visit days later, goes on where the
 * member stopped. The last step completes the questionnaire and opens the evaluation.
 */
export function BabyCareQuestionnaire({ initialStep, answers: initialAnswers }: Props) {
  const t = useTranslations('babycare.questionnaire');
  const router = useRouter();
  const { step, go, heading } = useStepFocus(Math.min(initialStep, STEP_COUNT - 1));
  const [answers, setAnswers] = useState<Answers>(initialAnswers);
  const [saved, setSaved] = useState(false);
  const onSaved = (values: Answers, next: number, completed: boolean) => {
    setAnswers((a) => ({ ...a, ...values }));
    if (completed && next >= STEP_COUNT) {
      router.push('/mehr/babycare?ausgewertet=1');
      return;
    }
    setSaved(true);
    go(next);
  };
  const common: StepProps = { step, answers, onSaved, onBack: step > 0 ? () => go(step - 1) : undefined };

  return (
    <div className="flex flex-col gap-4">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label={t('step', { step: step + 1, count: STEP_COUNT })}>
        {stepNames.map((name, n) => (
          <li key={name} aria-current={n === step ? 'step' : undefined} className={`rounded-full px-3 py-1 ${n === step ? 'bg-brand text-white' : 'bg-surface-subtle text-ink'}`}>
            {n + 1}. {t(`steps.${name}`)}
          </li>
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold text-brand-dark">
        {t('step', { step: step + 1, count: STEP_COUNT })}: {t(`steps.${stepNames[step]}`)}
      </h2>
      <div aria-live="polite">{saved && step > 0 ? <p className="text-sm text-success">{t('saved')}</p> : null}</div>
      {step === 0 && <BodyStep {...common} />}
      {step === 1 && <LifestyleStep {...common} />}
      {step === 2 && <HealthStep {...common} />}
    </div>
  );
}

type StepProps = { step: number; answers: Answers; onSaved: (values: Answers, next: number, completed: boolean) => void; onBack?: () => void };

/** One step: the schema on the client, the same on the server, which saves the draft (useStepForm). */
function useStep<S extends z.ZodType<FieldValues, FieldValues>>(resolver: LazyResolver<S>, props: StepProps, defaults: z.input<S>) {
  const t = useTranslations('babycare');
  const { form, submit, pending, failed, error } = useStepForm(resolver, defaults, (values) => saveStepAction(props.step, values), (values, result) =>
    props.onSaved(values, result.step, result.completed),
  );
  const last = props.step === STEP_COUNT - 1;
  const buttons: ReactNode = (
    <div className="flex flex-wrap gap-3">
      {props.onBack && (
        <Button type="button" variant="secondary" onClick={props.onBack}>
          {t('questionnaire.back')}
        </Button>
      )}
      <Button type="submit" disabled={pending} aria-disabled={pending || undefined}>
        {pending ? t('questionnaire.saving') : t(last ? 'questionnaire.finish' : 'questionnaire.next')}
      </Button>
    </div>
  );
  const banner = failed ? <Banner tone="error" title={t('questionnaire.failed')} /> : null;
  const translated = (field: string) => {
    const key = error(field);
    return key ? t(key) : undefined;
  };
  return { form, submit, error: translated, buttons, banner };
}

const text = (v: unknown, comma = false) => (typeof v === 'number' ? (comma ? String(v).replace('.', ',') : String(v)) : typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A required choice as radio buttons in a fieldset, its error tied to the group. */
function Choice({ name, legend, options, labels, error, register }: { name: string; legend: string; options: readonly string[]; labels: (o: string) => string; error?: string; register: (name: string) => object }) {
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={`${name}-error`}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <label key={o} className="flex min-h-11 items-center gap-3 rounded-lg border border-surface-line px-3">
            <input type="radio" value={o} className="h-5 w-5 accent-brand" {...register(name)} />
            <span>{labels(o)}</span>
          </label>
        ))}
      </div>
      <p id={`${name}-error`} aria-live="polite" className="text-sm font-medium text-danger">
        {error}
      </p>
    </fieldset>
  );
}

/** Optional ticks: none ticked is an answer. */
function Ticks({ name, legend, options, labels, hint, register }: { name: string; legend: string; options: readonly string[]; labels: (o: string) => string; hint?: string; register: (name: string) => object }) {
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-ink-muted">
          {hint}
        </p>
      )}
      {options.map((o) => (
        <label key={o} className="flex min-h-11 items-center gap-3">
          <input type="checkbox" value={o} className="h-5 w-5 shrink-0 accent-brand" {...register(name)} />
          <span>{labels(o)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function BodyStep(props: StepProps) {
  const t = useTranslations('babycare.questionnaire');
  const a = props.answers;
  const { form, submit, error, buttons, banner } = useStep(bodyStepResolver, props, {
    heightCm: text(a.heightCm),
    weightKg: text(a.weightKg, true),
    firstPregnancy: text(a.firstPregnancy) as 'yes',
    multiple: text(a.multiple) as 'yes',
  });
  const register = (name: string) => form.register(name as Path<z.input<typeof bodyStepSchema>>);
  const yesNo = (o: string) => t(o);
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {banner}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="heightCm" inputMode="numeric" autoComplete="off" label={t('heightCm')} error={error('heightCm')} {...form.register('heightCm')} />
        <Field id="weightKg" inputMode="decimal" autoComplete="off" label={t('weightKg')} error={error('weightKg')} {...form.register('weightKg')} />
      </div>
      <Choice name="firstPregnancy" legend={t('firstPregnancy')} options={['yes', 'no']} labels={yesNo} error={error('firstPregnancy')} register={register} />
      <Choice name="multiple" legend={t('multiple')} options={['yes', 'no']} labels={yesNo} error={error('multiple')} register={register} />
      {buttons}
    </form>
  );
}

function LifestyleStep(props: StepProps) {
  const t = useTranslations('babycare.questionnaire');
  const a = props.answers;
  const { form, submit, error, buttons, banner } = useStep(lifestyleStepResolver, props, {
    smoking: text(a.smoking) as 'never',
    alcohol: text(a.alcohol) as 'none',
    diet: text(a.diet) as 'mixed',
    exerciseMinutes: text(a.exerciseMinutes),
  });
  const register = (name: string) => form.register(name as Path<z.input<typeof lifestyleStepSchema>>);
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {banner}
      <Choice name="smoking" legend={t('smoking')} options={smokingChoices} labels={(o) => t(`smokingChoices.${o}`)} error={error('smoking')} register={register} />
      <Choice name="alcohol" legend={t('alcohol')} options={alcoholChoices} labels={(o) => t(`alcoholChoices.${o}`)} error={error('alcohol')} register={register} />
      <Choice name="diet" legend={t('diet')} options={dietChoices} labels={(o) => t(`dietChoices.${o}`)} error={error('diet')} register={register} />
      <Field id="exerciseMinutes" inputMode="numeric" autoComplete="off" label={t('exerciseMinutes')} hint={t('exerciseHint')} error={error('exerciseMinutes')} {...form.register('exerciseMinutes')} />
      {buttons}
    </form>
  );
}

function HealthStep(props: StepProps) {
  const t = useTranslations('babycare.questionnaire');
  const a = props.answers;
  const { form, submit, buttons, banner } = useStep(healthStepResolver, props, {
    conditions: list(a.conditions) as never,
    history: list(a.history) as never,
    symptoms: list(a.symptoms) as never,
  });
  const register = (name: string) => form.register(name as Path<z.input<typeof healthStepSchema>>);
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      {banner}
      <Ticks name="conditions" legend={t('conditions')} options={conditions} labels={(o) => t(`conditionChoices.${o}`)} hint={t('noneHint')} register={register} />
      {a.firstPregnancy === 'no' && <Ticks name="history" legend={t('history')} options={history} labels={(o) => t(`historyChoices.${o}`)} register={register} />}
      <Ticks name="symptoms" legend={t('symptoms')} options={symptoms} labels={(o) => t(`symptomChoices.${o}`)} hint={t('noneHint')} register={register} />
      {buttons}
    </form>
  );
}

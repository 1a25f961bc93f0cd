'use client';

import { useState, useTransition } from 'react';
import { useForm, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { LazyResolver } from '@/lib/forms/lazy-resolver';

/** What a step's server action answers: saved (with what the caller needs next), or the catalogue keys of what it refused, by field. */
export type StepResult = { ok: true } | { ok?: false; errors?: Record<string, string[] | undefined> };
type Saved<R> = Extract<R, { ok: true }>;

function isSaved<R extends StepResult>(result: R): result is Saved<R> {
  return result.ok === true;
}

/**
 * One step of a multi-step form that is saved on the server (the claims wizard, the BabyCare
 * questionnaire): the step's zod schema checks it here, its server action checks it again and saves it.
 * A refused step keeps what the member typed and shows the server's reasons at their fields; `failed`
 * holds that answer for the step's banner. `error(field)` is the field's catalogue key, for the caller
 * to translate in its own namespace.
 */
export function useStepForm<S extends z.ZodType<FieldValues, FieldValues>, R extends StepResult>(
  resolver: LazyResolver<S>,
  defaults: z.input<S>,
  save: (values: z.output<S>) => Promise<R>,
  onSaved: (values: z.output<S>, result: Saved<R>) => void,
) {
  const [pending, start] = useTransition();
  const [failed, setFailed] = useState<Exclude<R, { ok: true }> | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: resolver as unknown as Resolver<z.input<S>, unknown, z.output<S>>, defaultValues: defaults as never });
  const submit = form.handleSubmit((values) =>
    start(async () => {
      const result = await save(values);
      if (isSaved(result)) {
        setFailed(null);
        onSaved(values, result);
        return;
      }
      const refused = result as Exclude<R, { ok: true }>;
      setFailed(refused);
      for (const [field, keys] of Object.entries(refused.errors ?? {})) {
        if (keys?.[0]) form.setError(field as Path<z.input<S>>, { message: keys[0] });
      }
    }),
  );
  const error = (field: string) => (form.formState.errors as Record<string, { message?: string } | undefined>)[field]?.message;
  return { form, submit, pending, failed, error };
}

'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import type { LoginInput } from '@/lib/auth/schema';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';
import { signInWith } from './sign-in';

const resolver = lazyZodResolver(() => import('@/lib/auth/schema').then((m) => m.loginSchema));
const knownErrors = ['invalid_credentials', 'rate_limited', 'locked', 'invalid_input', 'email_unconfirmed', 'password_reset_required'] as const;

export function LoginForm({ next = '/' }: { next?: string }) {
  const t = useTranslations('auth.login');
  const v = useTranslations('validation');
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver, defaultValues: { kvnr: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const outcome = await signInWith('password', { kvnr: values.kvnr, password: values.password }, knownErrors);
    if (outcome.ok) {
      router.replace(next);
      router.refresh();
      return;
    }
    setFormError(outcome.code ? t(`errors.${outcome.code}`, { minutes: outcome.minutes }) : t('errors.unknown'));
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="mt-6 flex flex-col gap-4">
      {formError && <Banner tone="error">{formError}</Banner>}
      <Field
        id="kvnr"
        label={t('kvnr')}
        hint={t('kvnrHint')}
        autoComplete="username"
        autoCapitalize="characters"
        spellCheck={false}
        error={errors.kvnr?.message ? v(errors.kvnr.message) : undefined}
        {...register('kvnr')}
      />
      <Field
        id="password"
        type="password"
        label={t('password')}
        autoComplete="current-password"
        error={errors.password?.message ? v(errors.password.message) : undefined}
        {...register('password')}
      />
      <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting} className="mt-2 w-full">
        {isSubmitting ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}

'use client';

import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslations } from 'next-intl';

const StepUpPrompt = lazy(() => import('./StepUpPrompt').then((m) => ({ default: m.StepUpPrompt })));

function StepUpLoading() {
  const t = useTranslations('stepUp');
  return <p className="text-ink-muted">{t('loading')}</p>;
}

/**
 * The step-up prompt for forms that show it only once an action answered step_up_required: its code (the
 * passkey and password confirmation) is loaded then, not with the form's page. React's lazy rather than
 * next/dynamic, whose loader would add its own kilobyte to every such page.
 */
export function LazyStepUpPrompt(props: ComponentProps<typeof StepUpPrompt>) {
  return (
    <Suspense fallback={<StepUpLoading />}>
      <StepUpPrompt {...props} />
    </Suspense>
  );
}

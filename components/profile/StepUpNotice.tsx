'use client';

import { LazyStepUpPrompt } from '@/components/security/LazyStepUpPrompt';
import { Banner } from '@/components/ui/Banner';

/**
 * Shown when an action answered step_up_required: why this change needs a fresh second factor, and the
 * confirmation itself. What the member typed stays in the form; once confirmed, `onConfirmed` sends it
 * again (without it, the page is refreshed).
 */
export function StepUpNotice({ message, onConfirmed }: { message: string; onConfirmed?: () => void }) {
  return (
    <div className="flex flex-col gap-3">
      <Banner tone="warning">{message}</Banner>
      <LazyStepUpPrompt onConfirmed={onConfirmed} />
    </div>
  );
}

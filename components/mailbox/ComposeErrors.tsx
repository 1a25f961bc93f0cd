'use client';

import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import type { ComposeState } from '@/lib/mailbox/form-state';
import type { Limits } from './FileChooser';

/** The form's summary of what stopped the sending, naming each refused file with its reason. */
export function ComposeErrors({ id, state, limits }: { id: string; state: ComposeState; limits: Limits }) {
  const t = useTranslations('mailbox');
  if (!state.message && !state.tooMany && !state.refused?.length) return <div id={id} aria-live="polite" />;
  return (
    <div id={id}>
      <Banner tone="error" title={state.message ? t(state.message) : undefined}>
        {state.tooMany && <p>{t('compose.tooMany', limits)}</p>}
        {state.refused && state.refused.length > 0 && (
          <>
            <p>{t('compose.refusedTitle')}</p>
            <ul className="mt-1 list-disc pl-5">
              {state.refused.map((r) => (
                <li key={`${r.fileName}-${r.reason}`}>
                  <span className="font-semibold break-all">{r.fileName}</span>: {t(`compose.reason.${r.reason}`, { maxMb: limits.maxMb })}
                </li>
              ))}
            </ul>
          </>
        )}
      </Banner>
    </div>
  );
}

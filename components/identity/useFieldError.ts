'use client';

import { useTranslations } from 'next-intl';

/** Zod messages are catalogue keys: "identity.*" from our namespace, the rest from "validation". */
export function useFieldError() {
  const identity = useTranslations('identity');
  const validation = useTranslations('validation');
  return (key: string | undefined): string | undefined => {
    if (!key) return undefined;
    return key.startsWith('identity.') ? identity(key.slice('identity.'.length)) : validation(key);
  };
}

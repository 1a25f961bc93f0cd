import 'server-only';
// use-intl's core (next-intl's own base) has no React: documents are also made by scripts outside Next.js.
import { createTranslator, type AbstractIntlMessages } from 'use-intl/core';
import { loadMessages } from '@/lib/i18n/catalogue';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Translator for texts inside generated documents. Certificates are official German documents: they
 * are issued in German whatever language the portal is shown in.
 */
export function documentTranslator(namespace: string): Translate {
  const messages = loadMessages('de') as AbstractIntlMessages;
  // The catalogue is loaded at run time, so the translator cannot be typed by its keys.
  return createTranslator({ locale: 'de', messages, namespace }) as unknown as Translate;
}

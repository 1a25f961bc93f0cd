import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { pickMessages } from '@/lib/i18n/pick';

/**
 * Sends the browser only the messages the client components below it use. Put it in the layout of the
 * route that renders them (`namespaces={['mailbox']}`); it replaces the catalogue of any provider above it,
 * so list everything that route's client components need. tests/unit/client-messages.test.ts checks
 * that every page's client components find their namespaces.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = pickMessages(await getMessages(), namespaces);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}

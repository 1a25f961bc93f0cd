import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/shell/ClientMessages';

/** The messages this route's client components use; nothing else of the catalogue goes to the browser. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['babycare']}>{children}</ClientMessages>;
}

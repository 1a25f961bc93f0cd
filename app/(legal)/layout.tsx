import type { ReactNode } from 'react';
import { PortalFrame } from '@/components/shell/PortalFrame';

/** Impressum, Datenschutz, Barrierefreiheit: open to everyone, linked from every page's footer. */
export default function LegalLayout({ children }: { children: ReactNode }) {
  return <PortalFrame>{children}</PortalFrame>;
}

import type { ReactNode } from 'react';

/**
 * Wraps a table that may be wider than a phone: the table scrolls sideways inside this region instead of
 * the whole page. The region can be focused, so keyboard users can scroll it too (WCAG 2.1.1), and it is
 * named after the table's caption.
 */
export function TableScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div role="region" aria-labelledby={labelledBy} tabIndex={0} className="overflow-x-auto rounded">
      {children}
    </div>
  );
}

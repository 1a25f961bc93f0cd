'use client';

import type { ComponentProps } from 'react';
import { useFormStatus } from 'react-dom';
import { Button } from '@/components/ui/Button';

/** A submit button that is disabled while its form is being sent, so a double click sends once. */
export function SubmitButton({ children, ...props }: Omit<ComponentProps<typeof Button>, 'type'>) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-disabled={pending || undefined} {...props}>
      {children}
    </Button>
  );
}

'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * The current step of a multi-step form. Moving to another step puts the focus on its heading (pass
 * `heading` as its ref, with tabIndex -1), so a screen reader announces the new step; the first render
 * leaves the focus where the page put it.
 */
export function useStepFocus(initial: number) {
  const [step, setStep] = useState(initial);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);
  const go = (next: number) => {
    moved.current = true;
    setStep(next);
  };
  return { step, go, heading };
}

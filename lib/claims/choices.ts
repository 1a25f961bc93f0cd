// The choices and limits the forms show, without zod, so that a page shows them without loading the schemas
// (lib/forms/lazy-resolver.ts); schema.ts uses and re-exports them.

export const employments = ['EMPLOYED', 'MARGINAL', 'UNEMPLOYED', 'SELF_EMPLOYED'] as const;
export const STEP_COUNT = 3;

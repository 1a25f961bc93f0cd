// The choices and limits the forms show, without zod, so that a page shows them without loading the schemas
// (lib/forms/lazy-resolver.ts); schema.ts uses and re-exports them.

export const letterCategories = ['MEMBERSHIP', 'CONTRIBUTIONS', 'BENEFITS', 'SICK_PAY', 'DOCUMENTS', 'HEALTH_CARD', 'GENERAL'] as const;
export type LetterCategoryName = (typeof letterCategories)[number];

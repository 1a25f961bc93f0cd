// The choices and limits the forms show, without zod, so that a page shows them without loading the schemas
// (lib/forms/lazy-resolver.ts); schema.ts uses and re-exports them.

export const conversationTopics = ['GENERAL', 'MEMBERSHIP', 'CONTRIBUTIONS', 'BENEFITS', 'SICK_PAY', 'HEALTH_CARD', 'APP_SUPPORT'] as const;

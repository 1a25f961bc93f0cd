import type { TechnicalData } from './schema';

// The choices and limits the forms show, without zod, so that a page shows them without loading the schemas
// (lib/forms/lazy-resolver.ts); schema.ts uses and re-exports them.

export const technicalDataFields = ['version', 'build', 'browser', 'os', 'deviceType', 'screen', 'language', 'timeZone', 'connection'] as const satisfies readonly (keyof TechnicalData)[];

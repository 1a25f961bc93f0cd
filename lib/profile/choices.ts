// The choices and limits the forms show, without zod, so that a page shows them without loading the schemas
// (lib/forms/lazy-resolver.ts); schema.ts uses and re-exports them.

/** Countries offered for an address; the rest of the world is rare enough for a phone call. */
export const addressCountries = ['DE', 'AT', 'CH', 'NL', 'BE', 'LU', 'FR', 'DK', 'PL', 'CZ', 'IT', 'ES', 'PT', 'SE', 'GB', 'TR'] as const;
export const nameChangeReasons = ['marriage', 'divorce', 'other'] as const;

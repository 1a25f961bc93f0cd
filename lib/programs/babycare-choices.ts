// The choices and limits the forms show, without zod, so that a page shows them without loading the schemas
// (lib/forms/lazy-resolver.ts); babycare-schema.ts uses and re-exports them.

export const smokingChoices = ['never', 'stopped', 'smoking'] as const;
export const alcoholChoices = ['none', 'sometimes'] as const;
export const dietChoices = ['mixed', 'vegetarian', 'vegan'] as const;
/** Conditions known before the pregnancy, earlier pregnancies, and complaints now. */
export const conditions = ['diabetes', 'hypertension', 'thyroid'] as const;
export const history = ['preterm', 'caesarean'] as const;
export const symptoms = ['bleeding', 'headacheVision', 'swelling', 'leakingFluid', 'lessMovement'] as const;
export const stepNames = ['body', 'lifestyle', 'health'] as const;
export const STEP_COUNT = stepNames.length;

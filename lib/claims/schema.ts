import { z } from 'zod';
import { addDays, berlinDate, parseCalendarDate } from '@/lib/insurance/calendar';
import { employments, STEP_COUNT } from './choices';

export { employments, STEP_COUNT };

// The online applications' steps: one zod schema per step, shared by the forms (lazyZodResolver) and the
// server actions (safeParse). Messages are catalogue keys in the "claims" namespace.

export const applicationKinds = ['kinderkrankengeld', 'mutterschaftsgeld'] as const;
export type ApplicationKind = (typeof applicationKinds)[number];

export const claimTypeOf = { kinderkrankengeld: 'CHILD_SICKNESS_BENEFIT', mutterschaftsgeld: 'MATERNITY_BENEFIT' } as const;

/** How far ahead a Kinderkrankengeld period may lie (the doctor certifies the days ahead only briefly). */
export const MAX_DAYS_AHEAD = 14;
/** How far back an absence may be claimed here (older ones by post). */
export const MAX_DAYS_BACK = 365;

const today = () => berlinDate(new Date());

const calendarDay = (required: string) =>
  z
    .string(required)
    .trim()
    .min(1, required)
    .refine((v) => parseCalendarDate(v) !== null, 'validation.dateInvalid');

const day = (value: string) => parseCalendarDate(value)!;

export const childStepSchema = z.object({
  childId: z.uuid('validation.childRequired'),
});

export const childPeriodStepSchema = z
  .object({
    from: calendarDay('validation.fromRequired'),
    to: calendarDay('validation.toRequired'),
    hospital: z.boolean(),
    hospitalFrom: z.string().trim(),
    hospitalTo: z.string().trim(),
    singleParent: z.boolean(),
  })
  .superRefine((v, ctx) => {
    const from = parseCalendarDate(v.from);
    const to = parseCalendarDate(v.to);
    if (!from || !to) return;
    if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.rangeBackwards' });
    if (to > addDays(today(), MAX_DAYS_AHEAD)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.tooFarAhead' });
    if (from < addDays(today(), -MAX_DAYS_BACK)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'validation.tooFarBack' });
    if (from.getUTCFullYear() !== to.getUTCFullYear()) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.oneYear' });
    if (!v.hospital) return;
    const hFrom = parseCalendarDate(v.hospitalFrom);
    const hTo = parseCalendarDate(v.hospitalTo);
    if (!hFrom) ctx.addIssue({ code: 'custom', path: ['hospitalFrom'], message: 'validation.dateInvalid' });
    if (!hTo) ctx.addIssue({ code: 'custom', path: ['hospitalTo'], message: 'validation.dateInvalid' });
    if (!hFrom || !hTo) return;
    if (hTo < hFrom) ctx.addIssue({ code: 'custom', path: ['hospitalTo'], message: 'validation.rangeBackwards' });
    else if (hFrom < from || hTo > to) ctx.addIssue({ code: 'custom', path: ['hospitalFrom'], message: 'validation.hospitalOutside' });
  });

export const birthStepSchema = z.object({
  expectedBirthDate: calendarDay('validation.birthRequired').refine((v) => {
    const date = parseCalendarDate(v);
    // A certificate of the expected date is issued at the earliest seven weeks before the protection
    // period; the portal takes dates from eight weeks back (a late application) to 40 weeks ahead.
    return !date || (date >= addDays(today(), -56) && date <= addDays(today(), 280));
  }, 'validation.birthOutOfRange'),
});

export const employmentStepSchema = z
  .object({
    employment: z.enum(employments, 'validation.employmentRequired'),
    employerName: z.string().trim().max(200, 'validation.tooLong'),
  })
  .refine((v) => !['EMPLOYED', 'MARGINAL'].includes(v.employment) || v.employerName.length > 0, { path: ['employerName'], message: 'validation.employerRequired' });

/** The last step of both applications: confirm, plus the certificate as a file (checked by lib/files). */
export const confirmStepSchema = z.object({
  confirm: z.literal(true, 'validation.confirmRequired'),
  idempotencyKey: z.uuid('validation.form'),
});

/** The data steps of each application, in order; the last (confirm + file) is not saved in the draft. */
export const applicationSteps = {
  kinderkrankengeld: [childStepSchema, childPeriodStepSchema],
  mutterschaftsgeld: [birthStepSchema, employmentStepSchema],
} as const;

export type ChildStep = z.input<typeof childStepSchema>;
export type ChildPeriodStep = z.input<typeof childPeriodStepSchema>;
export type BirthStep = z.input<typeof birthStepSchema>;
export type EmploymentStep = z.input<typeof employmentStepSchema>;

/** Validates the step's answers; the result holds only that step's fields. */
export function parseStep(kind: ApplicationKind, step: number, values: unknown) {
  const schema = applicationSteps[kind][step - 1];
  if (!schema) return { success: false as const, errors: { form: ['validation.form'] } };
  const parsed = (schema as z.ZodType<Record<string, unknown>>).safeParse(values);
  return parsed.success
    ? { success: true as const, data: parsed.data }
    : { success: false as const, errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
}

export { day as calendarDayOf };

export const caseUploadSchema = z.object({
  caseId: z.uuid('validation.form'),
  idempotencyKey: z.uuid('validation.form'),
});

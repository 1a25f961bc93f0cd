import { z } from 'zod';
import { addDays, berlinDate, parseCalendarDate } from '@/lib/insurance/calendar';
import { smokingChoices, alcoholChoices, dietChoices, conditions, history, symptoms, stepNames, STEP_COUNT } from './babycare-choices';

export { smokingChoices, alcoholChoices, dietChoices, conditions, history, symptoms, stepNames, STEP_COUNT };

// BabyCare's forms: the enrolment and the three steps of the questionnaire "Profil & Analyse". One zod
// schema per form, shared by the client (lazyZodResolver) and the server actions (safeParse). Messages are
// catalogue keys in the "babycare" namespace.

/** A pregnancy lasts 280 days from the first day of the last period to the expected date of birth (40+0). */
export const PREGNANCY_DAYS = 280;
/** The latest expected date accepted: a pregnancy known from week 4+0 on. */
export const MAX_DAYS_AHEAD = PREGNANCY_DAYS - 28;
/** The earliest: two weeks past the date (42+0), when a birth is induced at the latest. */
export const MAX_DAYS_OVERDUE = 14;

const today = () => berlinDate(new Date());

const expectedBirthDate = z
    .string('validation.birthRequired')
    .trim()
    .min(1, 'validation.birthRequired')
    .refine((v) => parseCalendarDate(v) !== null, 'validation.dateInvalid')
    .refine((v) => {
      const date = parseCalendarDate(v);
      return !date || (date >= addDays(today(), -MAX_DAYS_OVERDUE) && date <= addDays(today(), MAX_DAYS_AHEAD));
    }, 'validation.birthOutOfRange');

export const enrolSchema = z.object({ expectedBirthDate, consent: z.literal(true, 'validation.consentRequired') });
/** A later change of the expected date: the consent was given at enrolment. */
export const birthDateSchema = z.object({ expectedBirthDate });
export type EnrolInput = z.input<typeof enrolSchema>;

const yesNo = z.enum(['yes', 'no'], 'validation.choose');

/** A number typed by hand: German decimal comma or point, within bounds; empty is "required", anything else wrong is "range". */
const measure = (min: number, max: number, required: string, range: string, integer = false) =>
  z.union([z.string(), z.number()], required).transform((v, ctx) => {
    if (typeof v === 'string' && v.trim() === '') {
      ctx.addIssue({ code: 'custom', message: required });
      return z.NEVER;
    }
    const n = typeof v === 'number' ? v : Number(v.trim().replace(',', '.'));
    if (Number.isNaN(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      ctx.addIssue({ code: 'custom', message: range });
      return z.NEVER;
    }
    return n;
  });

export const bodyStepSchema = z.object({
  heightCm: measure(120, 220, 'validation.heightRequired', 'validation.heightRange', true),
  weightKg: measure(30, 250, 'validation.weightRequired', 'validation.weightRange'),
  firstPregnancy: yesNo,
  multiple: yesNo,
});

export const lifestyleStepSchema = z.object({
  smoking: z.enum(smokingChoices, 'validation.choose'),
  alcohol: z.enum(alcoholChoices, 'validation.choose'),
  diet: z.enum(dietChoices, 'validation.choose'),
  exerciseMinutes: measure(0, 3000, 'validation.exerciseRequired', 'validation.exerciseRange', true),
});

const flags = <T extends readonly [string, ...string[]]>(names: T) => z.array(z.enum(names, 'validation.form')).max(names.length, 'validation.form').transform((list) => [...new Set(list)]);

export const healthStepSchema = z.object({
  conditions: flags(conditions),
  history: flags(history),
  symptoms: flags(symptoms),
});

export const questionnaireSteps = [bodyStepSchema, lifestyleStepSchema, healthStepSchema] as const;

/** The complete answers, as the evaluation reads them. */
export const answersSchema = bodyStepSchema.extend(lifestyleStepSchema.shape).extend(healthStepSchema.shape);
export type Answers = z.output<typeof answersSchema>;

import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import { berlinDate, parseCalendarDate } from '@/lib/insurance/calendar';
import type { RequestMeta } from '@/lib/http/request-meta';
import { answersSchema, birthDateSchema, enrolSchema, questionnaireSteps, STEP_COUNT } from './babycare-schema';
import { evaluate, type Evaluation } from './babycare-rules';

// BabyCare: enrolment, the questionnaire saved as a draft step by step, and its evaluation. The answers
// are health data (Art. 9 DSGVO): processed on the member's consent given at enrolment, never written to
// the audit log, deleted when the member leaves the programme.

type FieldErrors = Record<string, string[] | undefined>;

/** The version of the consent text a member agrees to at enrolment (babycare.enrol.consent). */
export const BABYCARE_CONSENT = 'babycare-2026-12';

export type BabyCareState = {
  expectedBirthDate: Date;
  enrolledAt: Date;
  /** The step to show next (0-based); STEP_COUNT when every step is answered. */
  step: number;
  answers: Record<string, unknown>;
  completedAt: Date | null;
};

export async function babyCareState(memberId: string): Promise<BabyCareState | null> {
  const enrolment = await prisma.babyCareEnrolment.findUnique({
    where: { memberId },
    select: { expectedBirthDate: true, enrolledAt: true, step: true, answers: true, completedAt: true },
  });
  if (!enrolment) return null;
  return { ...enrolment, answers: (enrolment.answers ?? {}) as Record<string, unknown> };
}

/** Enrols the member with the expected date of birth, on the consent to process it. */
export async function enrolBabyCare(memberId: string, input: unknown, meta: RequestMeta): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const parsed = enrolSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.flatten().fieldErrors };
  const expectedBirthDate = parseCalendarDate(parsed.data.expectedBirthDate)!;
  const existing = await prisma.babyCareEnrolment.findUnique({ where: { memberId }, select: { id: true } });
  // Enrolled already (a second tab, a double submit): the enrolment stands as it is.
  if (existing) return { ok: true };
  try {
    await prisma.$transaction([
      prisma.babyCareEnrolment.create({ data: { memberId, expectedBirthDate } }),
      // The date is health data: the log says that the member enrolled and consented, not when the baby is due.
      auditEvent({ action: 'programs.babycare.enrolled', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { consent: BABYCARE_CONSENT } }),
    ]);
  } catch (error) {
    if (!(await prisma.babyCareEnrolment.findUnique({ where: { memberId }, select: { id: true } }))) throw error;
  }
  return { ok: true };
}

/** Changes the expected date of an enrolment; not_found when the member is not enrolled. */
export async function changeExpectedBirthDate(memberId: string, input: unknown, meta: RequestMeta): Promise<{ ok: true } | { ok: false; error: 'not_found' } | { ok: false; error: 'invalid'; errors: FieldErrors }> {
  const parsed = birthDateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid', errors: parsed.error.flatten().fieldErrors };
  const existing = await prisma.babyCareEnrolment.findUnique({ where: { memberId }, select: { id: true } });
  if (!existing) return { ok: false, error: 'not_found' };
  await prisma.$transaction([
    prisma.babyCareEnrolment.update({ where: { memberId }, data: { expectedBirthDate: parseCalendarDate(parsed.data.expectedBirthDate)! } }),
    auditEvent({ action: 'programs.babycare.date_changed', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta }),
  ]);
  return { ok: true };
}

/**
 * Saves one step of the questionnaire into the member's draft (0-based), checked with the step's schema.
 * The last step completes it. A member who is not enrolled has no questionnaire: not_found.
 */
export async function saveBabyCareStep(
  memberId: string,
  step: number,
  values: unknown,
  now = new Date(),
): Promise<{ ok: true; step: number; completed: boolean } | { ok: false; error: 'not_found' } | { ok: false; error: 'invalid'; errors: FieldErrors }> {
  const schema = Number.isInteger(step) ? questionnaireSteps[step] : undefined;
  if (!schema) return { ok: false, error: 'invalid', errors: {} };
  const existing = await prisma.babyCareEnrolment.findUnique({ where: { memberId }, select: { answers: true, step: true, completedAt: true } });
  if (!existing) return { ok: false, error: 'not_found' };
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, error: 'invalid', errors: parsed.error.flatten().fieldErrors as FieldErrors };
  const answers = { ...((existing.answers ?? {}) as Record<string, unknown>), ...parsed.data } as Prisma.InputJsonObject;
  const next = Math.max(step + 1, existing.step);
  const completed = next >= STEP_COUNT && answersSchema.safeParse(answers).success;
  await prisma.babyCareEnrolment.update({
    where: { memberId },
    data: { answers, step: Math.min(next, STEP_COUNT), completedAt: completed ? (existing.completedAt ?? now) : null },
  });
  return { ok: true, step: Math.min(step + 1, STEP_COUNT), completed };
}

/** The member leaves BabyCare: the enrolment and every answer are deleted. */
export async function leaveBabyCare(memberId: string, meta: RequestMeta): Promise<boolean> {
  const [deleted] = await prisma.$transaction([
    prisma.babyCareEnrolment.deleteMany({ where: { memberId } }),
    auditEvent({ action: 'programs.babycare.left', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta }),
  ]);
  return deleted.count === 1;
}

/** The evaluation of a completed questionnaire on the day (no database), or null before it is complete. */
export function evaluateBabyCare(state: BabyCareState, birthDate: Date, now = new Date()): Evaluation | null {
  if (!state.completedAt) return null;
  const answers = answersSchema.safeParse(state.answers);
  return answers.success ? evaluate(answers.data, state.expectedBirthDate, birthDate, berlinDate(now)) : null;
}

/** The evaluation of the member's completed questionnaire on the day, or null before it is complete. */
export async function babyCareEvaluation(memberId: string, now = new Date()): Promise<{ state: BabyCareState; evaluation: Evaluation } | null> {
  const [state, member] = await Promise.all([babyCareState(memberId), prisma.member.findUnique({ where: { id: memberId }, select: { birthDate: true } })]);
  const evaluation = state && member ? evaluateBabyCare(state, member.birthDate, now) : null;
  return state && evaluation ? { state, evaluation } : null;
}

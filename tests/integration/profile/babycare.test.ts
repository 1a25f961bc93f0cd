import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { addDays, berlinDate, isoDate } from '@/lib/insurance/calendar';
import { babyCareEvaluation, babyCareState, changeExpectedBirthDate, enrolBabyCare, leaveBabyCare, saveBabyCareStep } from '@/lib/programs/babycare';
import { createMember } from '../../helpers/members';
import { meta } from './helpers';

const inDays = (n: number) => isoDate(addDays(berlinDate(new Date()), n));
const body = { heightCm: '168', weightKg: '61,5', firstPregnancy: 'no', multiple: 'no' };
const lifestyle = { smoking: 'never', alcohol: 'none', diet: 'vegan', exerciseMinutes: '90' };
const health = { conditions: ['thyroid'], history: ['caesarean'], symptoms: [] };

describe('BabyCare', () => {
  it('enrols only on consent, once, and logs the enrolment without the date', async () => {
    const { member } = await createMember();
    expect(await enrolBabyCare(member.id, { expectedBirthDate: inDays(150), consent: false }, meta)).toEqual({ ok: false, errors: { consent: ['validation.consentRequired'] } });
    expect(await enrolBabyCare(member.id, { expectedBirthDate: inDays(400), consent: true }, meta)).toEqual({ ok: false, errors: { expectedBirthDate: ['validation.birthOutOfRange'] } });
    expect(await babyCareState(member.id)).toBeNull();

    // A double submit: both succeed, one enrolment, one audit entry.
    const both = await Promise.all([enrolBabyCare(member.id, { expectedBirthDate: inDays(150), consent: true }, meta), enrolBabyCare(member.id, { expectedBirthDate: inDays(150), consent: true }, meta)]);
    expect(both).toEqual([{ ok: true }, { ok: true }]);
    expect(await prisma.babyCareEnrolment.count({ where: { memberId: member.id } })).toBe(1);
    const events = await prisma.auditEvent.findMany({ where: { subjectMemberId: member.id, action: 'programs.babycare.enrolled' } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.details)).not.toContain(inDays(150));
    expect(isoDate((await babyCareState(member.id))!.expectedBirthDate)).toBe(inDays(150));
  });

  it('saves each step as a draft, refuses bad answers with their keys and keeps the saved ones, then evaluates', async () => {
    const { member } = await createMember();
    // 30 at the expected date: age is no risk factor here.
    await prisma.member.update({ where: { id: member.id }, data: { birthDate: addDays(berlinDate(new Date()), 182 - 30 * 365) } });
    expect(await saveBabyCareStep(member.id, 0, body)).toEqual({ ok: false, error: 'not_found' });
    await enrolBabyCare(member.id, { expectedBirthDate: inDays(182), consent: true }, meta);

    expect(await saveBabyCareStep(member.id, 0, body)).toEqual({ ok: true, step: 1, completed: false });
    // What a reload finds: the step saved, the next one to show.
    const afterOne = await babyCareState(member.id);
    expect(afterOne).toMatchObject({ step: 1, answers: { heightCm: 168, weightKg: 61.5, firstPregnancy: 'no', multiple: 'no' }, completedAt: null });

    const refused = await saveBabyCareStep(member.id, 1, { ...lifestyle, diet: 'paleo', exerciseMinutes: '-5' });
    expect(refused).toEqual({ ok: false, error: 'invalid', errors: { diet: ['validation.choose'], exerciseMinutes: ['validation.exerciseRange'] } });
    expect((await babyCareState(member.id))!.answers).toEqual(afterOne!.answers);
    expect(await saveBabyCareStep(member.id, 7, {})).toEqual({ ok: false, error: 'invalid', errors: {} });
    expect(await babyCareEvaluation(member.id)).toBeNull();

    expect(await saveBabyCareStep(member.id, 1, lifestyle)).toEqual({ ok: true, step: 2, completed: false });
    expect(await saveBabyCareStep(member.id, 2, health)).toEqual({ ok: true, step: 3, completed: true });
    const result = await babyCareEvaluation(member.id);
    // 182 days before the expected date is 14+0.
    expect(result?.evaluation.gestation).toEqual({ weeks: 14, days: 0 });
    expect(result?.evaluation.risks).toEqual(['thyroid', 'caesarean']);
    expect(result?.evaluation.recommendations.map((r) => r.id)).toEqual(['risks', 'iodineThyroid', 'energy', 'vegan', 'dha', 'rawFood', 'caffeine', 'weightGain', 'exerciseMore', 'noAlcoholKeep']);

    // Changing one answer later keeps the questionnaire complete and re-evaluates it.
    expect(await saveBabyCareStep(member.id, 1, { ...lifestyle, exerciseMinutes: '200' })).toEqual({ ok: true, step: 2, completed: true });
    expect((await babyCareEvaluation(member.id))?.evaluation.recommendations.map((r) => r.id)).toContain('exerciseKeep');
  });

  it('changes the date only of an enrolment, and leaving deletes every answer', async () => {
    const { member } = await createMember();
    expect(await changeExpectedBirthDate(member.id, { expectedBirthDate: inDays(100) }, meta)).toEqual({ ok: false, error: 'not_found' });
    await enrolBabyCare(member.id, { expectedBirthDate: inDays(150), consent: true }, meta);
    await saveBabyCareStep(member.id, 0, body);
    expect(await changeExpectedBirthDate(member.id, { expectedBirthDate: inDays(120) }, meta)).toEqual({ ok: true });
    expect(isoDate((await babyCareState(member.id))!.expectedBirthDate)).toBe(inDays(120));

    expect(await leaveBabyCare(member.id, meta)).toBe(true);
    expect(await babyCareState(member.id)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'programs.babycare.left' } })).toBe(1);
  });

  it('keeps one member’s questionnaire from another', async () => {
    const { member } = await createMember();
    const { member: other } = await createMember();
    await enrolBabyCare(member.id, { expectedBirthDate: inDays(150), consent: true }, meta);
    await saveBabyCareStep(member.id, 0, body);
    expect(await babyCareState(other.id)).toBeNull();
    expect(await saveBabyCareStep(other.id, 1, lifestyle)).toEqual({ ok: false, error: 'not_found' });
    expect(await leaveBabyCare(other.id, meta)).toBe(false);
    expect(await babyCareState(member.id)).toMatchObject({ step: 1 });
  });
});

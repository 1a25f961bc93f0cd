import { describe, expect, it } from 'vitest';
import { answersSchema, bodyStepSchema, enrolSchema, healthStepSchema, lifestyleStepSchema, type Answers } from './babycare-schema';
import { bmiOf, checkupIntervalWeeks, dayOfWeek, evaluate, gestationOn, riskFactors, screeningsFor, trimesterOf, weightGainFor } from './babycare-rules';

// Every expected figure here is worked out by hand from the sources named in babycare-rules.ts.
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

// Expected date 2027-06-01: the first day of the last period is 280 days earlier, 2026-08-25.
const EDD = d('2027-06-01');

const base: Answers = answersSchema.parse({
  heightCm: 168,
  weightKg: 62,
  firstPregnancy: 'yes',
  multiple: 'no',
  smoking: 'never',
  alcohol: 'none',
  diet: 'mixed',
  exerciseMinutes: 150,
  conditions: [],
  history: [],
  symptoms: [],
});
const ids = (answers: Partial<Answers>, today = d('2026-12-01'), birth = d('1994-03-10')) => evaluate({ ...base, ...answers }, EDD, birth, today).recommendations.map((r) => r.id);

describe('week of pregnancy', () => {
  it('counts back from 40+0 on the expected date', () => {
    // 2026-12-01 to 2027-06-01 is 31+31+28+31+30+31 = 182 days; 280 - 182 = 98 days = 14+0.
    expect(gestationOn(EDD, d('2026-12-01'))).toEqual({ weeks: 14, days: 0 });
    expect(gestationOn(EDD, d('2026-11-30'))).toEqual({ weeks: 13, days: 6 });
    expect(gestationOn(EDD, EDD)).toEqual({ weeks: 40, days: 0 });
    expect(gestationOn(EDD, d('2027-06-04'))).toEqual({ weeks: 40, days: 3 });
  });

  it('has trimesters to 13+6, to 27+6 and from 28+0', () => {
    expect(trimesterOf({ weeks: 13, days: 6 })).toBe(1);
    expect(trimesterOf({ weeks: 14, days: 0 })).toBe(2);
    expect(trimesterOf({ weeks: 27, days: 6 })).toBe(2);
    expect(trimesterOf({ weeks: 28, days: 0 })).toBe(3);
  });

  it('has check-ups every four weeks until week 32, then every two', () => {
    expect(checkupIntervalWeeks({ weeks: 31, days: 6 })).toBe(4);
    expect(checkupIntervalWeeks({ weeks: 32, days: 0 })).toBe(2);
  });
});

describe('screenings of the Mutterschafts-Richtlinien', () => {
  it('dates each window from the last period (2026-08-25) and tells past, now and ahead apart', () => {
    expect(iso(dayOfWeek(EDD, 0))).toBe('2026-08-25');
    const byId = Object.fromEntries(screeningsFor(EDD, d('2026-12-01')).map((s) => [s.id, { from: iso(s.from), to: iso(s.to), status: s.status }]));
    // 9+0 = day 63, 12+6 = day 90 after 2026-08-25.
    expect(byId.ultrasound1).toEqual({ from: '2026-10-27', to: '2026-11-23', status: 'past' });
    // 19+0 = day 133, 22+6 = day 160.
    expect(byId.ultrasound2).toEqual({ from: '2027-01-05', to: '2027-02-01', status: 'upcoming' });
    // 24+0 = day 168, 27+6 = day 195.
    expect(byId.glucose).toEqual({ from: '2027-02-09', to: '2027-03-08', status: 'upcoming' });
    expect(byId.antibodies).toEqual(byId.glucose);
    // 29+0 = day 203, 32+6 = day 230.
    expect(byId.ultrasound3).toEqual({ from: '2027-03-16', to: '2027-04-12', status: 'upcoming' });
    // From 32+0 = day 224, open until the birth.
    expect(byId.hepatitisB).toEqual({ from: '2027-04-06', to: null, status: 'upcoming' });
  });

  it('opens a window on its first day and closes it after its last', () => {
    const status = (day: string) => screeningsFor(EDD, d(day)).find((s) => s.id === 'ultrasound2')!.status;
    expect(status('2027-01-04')).toBe('upcoming');
    expect(status('2027-01-05')).toBe('now');
    expect(status('2027-02-01')).toBe('now');
    expect(status('2027-02-02')).toBe('past');
  });
});

describe('weight gain by the BMI before the pregnancy (IOM 2009)', () => {
  it('computes the BMI to one decimal', () => {
    expect(bmiOf(168, 62)).toBe(22); // 62 / 1.68² = 21.97
    expect(bmiOf(160, 80)).toBe(31.3); // 80 / 2.56 = 31.25
    expect(bmiOf(170, 53)).toBe(18.3); // 53 / 2.89 = 18.34
  });

  it('has the single-pregnancy ranges with their limits 18.5, 25 and 30', () => {
    expect(weightGainFor(18.4, false)).toEqual({ min: 12.5, max: 18 });
    expect(weightGainFor(18.5, false)).toEqual({ min: 11.5, max: 16 });
    expect(weightGainFor(24.9, false)).toEqual({ min: 11.5, max: 16 });
    expect(weightGainFor(25, false)).toEqual({ min: 7, max: 11.5 });
    expect(weightGainFor(30, false)).toEqual({ min: 5, max: 9 });
  });

  it('has the provisional twin ranges, and none for an underweight mother of twins', () => {
    expect(weightGainFor(22, true)).toEqual({ min: 17, max: 25 });
    expect(weightGainFor(27, true)).toEqual({ min: 14, max: 23 });
    expect(weightGainFor(31.3, true)).toEqual({ min: 11, max: 19 });
    expect(weightGainFor(18.3, true)).toBeNull();
    expect(ids({ multiple: 'yes', heightCm: 170, weightKg: 53 })).toContain('weightGainDoctor');
  });
});

describe('risk factors of the Mutterpass', () => {
  it('counts the age at the expected date: over 35 is a risk, 35 is not', () => {
    // Born 1991-06-01: 36 on 2027-06-01; born 1991-06-02: still 35.
    expect(evaluate(base, EDD, d('1991-06-01'), d('2026-12-01')).risks).toEqual(['ageOver35']);
    expect(evaluate(base, EDD, d('1991-06-02'), d('2026-12-01')).risks).toEqual([]);
    expect(evaluate(base, EDD, d('2009-06-02'), d('2026-12-01')).risks).toEqual(['ageYoung']);
  });

  it('lists obesity, twins, conditions and smoking, and earlier births only for a later pregnancy', () => {
    const answers = { ...base, weightKg: 85, multiple: 'yes' as const, conditions: ['diabetes' as const], smoking: 'smoking' as const, history: ['caesarean' as const] };
    expect(riskFactors(answers, 30, bmiOf(168, 85))).toEqual(['obesity', 'multiple', 'diabetes', 'smoking']);
    expect(riskFactors({ ...answers, firstPregnancy: 'no' }, 30, bmiOf(168, 85))).toEqual(['obesity', 'multiple', 'diabetes', 'caesarean', 'smoking']);
    expect(ids(answers)[0]).toBe('risks');
  });
});

describe('recommendations', () => {
  it('gives a healthy member in week 14 the second trimester’s advice and no doctor’s note', () => {
    expect(ids({})).toEqual(['iodine', 'energy', 'fish', 'rawFood', 'caffeine', 'weightGain', 'exerciseKeep', 'noAlcoholKeep']);
    const energy = evaluate(base, EDD, d('1994-03-10'), d('2026-12-01')).recommendations.find((r) => r.id === 'energy');
    expect(energy?.values).toEqual({ kcal: 250 });
  });

  it('asks for folic acid in the first trimester only, and +500 kcal in the third', () => {
    expect(ids({}, d('2026-11-30'))).toContain('folicAcid');
    expect(ids({}, d('2026-12-01'))).not.toContain('folicAcid');
    const third = evaluate(base, EDD, d('1994-03-10'), d('2027-03-09')).recommendations.find((r) => r.id === 'energy');
    expect(third?.values).toEqual({ kcal: 500 });
  });

  it('puts warning signs first and pauses exercise, but fewer movements count only from week 24', () => {
    expect(ids({ symptoms: ['bleeding'] }).slice(0, 1)).toEqual(['urgent']);
    expect(ids({ symptoms: ['bleeding'] })).toContain('exercisePause');
    expect(ids({ symptoms: ['lessMovement'] })).not.toContain('urgent');
    expect(ids({ symptoms: ['lessMovement'] }, d('2027-02-09'))[0]).toBe('urgent');
  });

  it('fits diet, thyroid, exercise, smoking and alcohol', () => {
    const vegan = ids({ diet: 'vegan' });
    expect(vegan).toContain('vegan');
    expect(vegan).toContain('dha');
    expect(vegan).not.toContain('fish');
    expect(ids({ conditions: ['thyroid'] })).toContain('iodineThyroid');
    expect(ids({ exerciseMinutes: 149 })).toContain('exerciseMore');
    expect(ids({ smoking: 'smoking' })).toContain('stopSmoking');
    expect(ids({ smoking: 'stopped' })).toContain('stayStopped');
    expect(ids({ alcohol: 'sometimes' })).toContain('noAlcohol');
  });

  it('starts the protection period six weeks before the expected date', () => {
    expect(iso(evaluate(base, EDD, d('1994-03-10'), d('2026-12-01')).protectionStart)).toBe('2027-04-20');
  });
});

describe('forms', () => {
  it('reads a German decimal comma and refuses values out of range with a message', () => {
    expect(bodyStepSchema.parse({ heightCm: '168', weightKg: '61,5', firstPregnancy: 'yes', multiple: 'no' }).weightKg).toBe(61.5);
    const wrong = bodyStepSchema.safeParse({ heightCm: '16,8', weightKg: '', firstPregnancy: '', multiple: 'no' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.flatten().fieldErrors).toEqual({ heightCm: ['validation.heightRange'], weightKg: ['validation.weightRequired'], firstPregnancy: ['validation.choose'] });
  });

  it('calls a word where minutes belong out of range, not missing', () => {
    const wrong = lifestyleStepSchema.safeParse({ smoking: 'never', alcohol: 'none', diet: 'mixed', exerciseMinutes: 'viel' });
    expect(wrong.error?.flatten().fieldErrors).toEqual({ exerciseMinutes: ['validation.exerciseRange'] });
  });

  it('refuses an unknown complaint and keeps a repeated one once', () => {
    expect(healthStepSchema.safeParse({ conditions: ['flu'], history: [], symptoms: [] }).success).toBe(false);
    expect(healthStepSchema.parse({ conditions: [], history: [], symptoms: ['bleeding', 'bleeding'] }).symptoms).toEqual(['bleeding']);
  });

  it('needs the consent and a date within the pregnancy', () => {
    const future = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10);
    expect(enrolSchema.safeParse({ expectedBirthDate: future, consent: true }).success).toBe(true);
    expect(enrolSchema.safeParse({ expectedBirthDate: future, consent: false }).error?.flatten().fieldErrors).toEqual({ consent: ['validation.consentRequired'] });
    expect(enrolSchema.safeParse({ expectedBirthDate: '2020-01-01', consent: true }).error?.flatten().fieldErrors).toEqual({ expectedBirthDate: ['validation.birthOutOfRange'] });
  });
});

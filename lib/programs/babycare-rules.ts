import { ageOn } from '@/lib/identity/names';
import { addDays } from '@/lib/insurance/calendar';
import { PREGNANCY_DAYS, type Answers } from './babycare-schema';

// BabyCare's evaluation of "Profil & Analyse": plain rules from public guidance, each with its source,
// so that a midwife or doctor can check every recommendation the portal gives. The texts live in the
// catalogue ("babycare.rules.<id>"); this module decides which apply and with which figures.
//
// Sources (the ids are the catalogue's "babycare.sources.<id>"):
// - mutterschaftsRichtlinien: G-BA, Mutterschafts-Richtlinien (Fassung 2023), Abschnitt A (check-ups
//   every four weeks, from week 32 every two), Anlage 1a (the three ultrasound screenings 9+0–12+6,
//   19+0–22+6, 29+0–32+6), Abschnitt C (antibody test 24–27, hepatitis B after week 32), Anlage 4
//   (screening for gestational diabetes 24+0–27+6) and Anlage 2 / Mutterpass Katalog A and B (the risk
//   factors: age under 18 or over 35, obesity, diabetes, high blood pressure, multiple pregnancy,
//   earlier preterm birth or caesarean section).
// - gesundInsLeben: Netzwerk Gesund ins Leben, Handlungsempfehlungen Ernährung und Bewegung in der
//   Schwangerschaft (2018): folic acid 400 µg a day from before conception to the end of the first
//   trimester, iodine 100–150 µg a day (thyroid disease: ask the doctor first), sea fish twice a week or
//   DHA, no alcohol, no smoking, no raw animal foods, energy +250 kcal (2nd) / +500 kcal (3rd trimester).
// - dgeVegan: Deutsche Gesellschaft für Ernährung, position on vegan diets (2016): not recommended in
//   pregnancy; whoever keeps to it needs vitamin B12 and a checked supply of critical nutrients.
// - efsaCaffeine: EFSA, Scientific Opinion on the safety of caffeine (2015): up to 200 mg a day.
// - iom2009: Institute of Medicine, Weight Gain During Pregnancy (2009): total gain by the BMI before the
//   pregnancy, single and (provisional) twin pregnancies.
// - who2020: WHO guidelines on physical activity and sedentary behaviour (2020): at least 150 minutes of
//   moderate activity a week for pregnant women without contraindications.
// - muschg: Mutterschutzgesetz § 3 Abs. 1: protection begins six weeks before the expected date.

export type SourceId = 'mutterschaftsRichtlinien' | 'gesundInsLeben' | 'dgeVegan' | 'efsaCaffeine' | 'iom2009' | 'who2020' | 'muschg';

/** The kinds of recommendation, in the order a member should read them. */
export const CATEGORIES = ['urgent', 'doctor', 'nutrition', 'exercise', 'lifestyle'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Recommendation = { id: string; category: Category; source: SourceId; values?: Record<string, string | number> };

export type Gestation = { weeks: number; days: number };

/** The week of pregnancy on a day: 40+0 on the expected date, counted back in whole days. */
export function gestationOn(expectedBirthDate: Date, day: Date): Gestation {
  const total = PREGNANCY_DAYS - Math.round((expectedBirthDate.getTime() - day.getTime()) / 86_400_000);
  const clamped = Math.max(0, total);
  return { weeks: Math.floor(clamped / 7), days: clamped % 7 };
}

/** First trimester to 13+6, second 14+0 to 27+6, third from 28+0. */
export function trimesterOf(g: Gestation): 1 | 2 | 3 {
  return g.weeks < 14 ? 1 : g.weeks < 28 ? 2 : 3;
}

/** The calendar day on which a pregnancy reaches week+day. */
export function dayOfWeek(expectedBirthDate: Date, weeks: number, days = 0): Date {
  return addDays(expectedBirthDate, weeks * 7 + days - PREGNANCY_DAYS);
}

export type ScreeningId = 'ultrasound1' | 'ultrasound2' | 'ultrasound3' | 'glucose' | 'antibodies' | 'hepatitisB';
export type Screening = { id: ScreeningId; from: Date; to: Date | null; status: 'past' | 'now' | 'upcoming' };

// The screenings of the Mutterschafts-Richtlinien with their windows [from week+day, to week+day].
const SCREENINGS: { id: ScreeningId; from: [number, number]; to: [number, number] | null }[] = [
  { id: 'ultrasound1', from: [9, 0], to: [12, 6] },
  { id: 'ultrasound2', from: [19, 0], to: [22, 6] },
  { id: 'glucose', from: [24, 0], to: [27, 6] },
  { id: 'antibodies', from: [24, 0], to: [27, 6] },
  { id: 'ultrasound3', from: [29, 0], to: [32, 6] },
  // "nach der 32. Schwangerschaftswoche, möglichst nahe am Geburtstermin": open until the birth.
  { id: 'hepatitisB', from: [32, 0], to: null },
];

/** The screenings in order, each with its dates and whether its window is past, open now or ahead. */
export function screeningsFor(expectedBirthDate: Date, today: Date): Screening[] {
  return SCREENINGS.map((s) => {
    const from = dayOfWeek(expectedBirthDate, ...s.from);
    const to = s.to ? dayOfWeek(expectedBirthDate, ...s.to) : null;
    const status = today < from ? 'upcoming' : to && today > to ? 'past' : 'now';
    return { id: s.id, from, to, status };
  });
}

/** Check-ups every four weeks until week 32, then every two (Mutterschafts-Richtlinien A.3). */
export function checkupIntervalWeeks(g: Gestation): 2 | 4 {
  return g.weeks >= 32 ? 2 : 4;
}

/** Body mass index before the pregnancy, to one decimal. */
export function bmiOf(heightCm: number, weightKg: number): number {
  // In cm² rather than m², so that 80 kg at 160 cm is 31.25 exactly and rounds to 31.3.
  return Math.round((weightKg * 100_000) / (heightCm * heightCm)) / 10;
}

export type WeightGain = { min: number; max: number } | null;

/**
 * The total weight gain the IOM (2009) recommends by the BMI before the pregnancy. Twins: the provisional
 * ranges; for an underweight mother of twins the IOM gives none (null: talk to the doctor).
 */
export function weightGainFor(bmi: number, multiple: boolean): WeightGain {
  if (multiple) {
    if (bmi < 18.5) return null;
    if (bmi < 25) return { min: 17, max: 25 };
    if (bmi < 30) return { min: 14, max: 23 };
    return { min: 11, max: 19 };
  }
  if (bmi < 18.5) return { min: 12.5, max: 18 };
  if (bmi < 25) return { min: 11.5, max: 16 };
  if (bmi < 30) return { min: 7, max: 11.5 };
  return { min: 5, max: 9 };
}

/** The risk factors of the Mutterpass's catalogues that the answers show; each is a reason to talk to the doctor. */
export function riskFactors(answers: Answers, ageAtBirth: number, bmi: number): string[] {
  const risks: string[] = [];
  if (ageAtBirth < 18) risks.push('ageYoung');
  if (ageAtBirth > 35) risks.push('ageOver35');
  if (bmi >= 30) risks.push('obesity');
  if (bmi < 18.5) risks.push('underweight');
  if (answers.multiple === 'yes') risks.push('multiple');
  for (const c of answers.conditions) risks.push(c);
  if (answers.firstPregnancy === 'no') for (const h of answers.history) risks.push(h);
  if (answers.smoking === 'smoking') risks.push('smoking');
  return risks;
}

export type Evaluation = {
  gestation: Gestation;
  trimester: 1 | 2 | 3;
  bmi: number;
  weightGain: WeightGain;
  ageAtBirth: number;
  protectionStart: Date;
  checkupWeeks: 2 | 4;
  screenings: Screening[];
  risks: string[];
  recommendations: Recommendation[];
};

/**
 * The evaluation of completed answers on a day: the week, the screenings, and the recommendations in the
 * order a member should read them (urgent first, then the doctor, nutrition, exercise, the rest).
 */
export function evaluate(answers: Answers, expectedBirthDate: Date, birthDate: Date, today: Date): Evaluation {
  const gestation = gestationOn(expectedBirthDate, today);
  const trimester = trimesterOf(gestation);
  const bmi = bmiOf(answers.heightCm, answers.weightKg);
  const multiple = answers.multiple === 'yes';
  const weightGain = weightGainFor(bmi, multiple);
  const ageAtBirth = ageOn(birthDate, expectedBirthDate);
  const risks = riskFactors(answers, ageAtBirth, bmi);
  const r: Recommendation[] = [];

  // Warning signs: see a doctor or the maternity clinic today, not at the next check-up.
  const signs = answers.symptoms.filter((s) => s !== 'lessMovement' || gestation.weeks >= 24);
  if (signs.length > 0) r.push({ id: 'urgent', category: 'urgent', source: 'mutterschaftsRichtlinien' });
  if (risks.length > 0) r.push({ id: 'risks', category: 'doctor', source: 'mutterschaftsRichtlinien' });

  // Nutrition.
  if (trimester === 1) r.push({ id: 'folicAcid', category: 'nutrition', source: 'gesundInsLeben' });
  r.push({ id: answers.conditions.includes('thyroid') ? 'iodineThyroid' : 'iodine', category: 'nutrition', source: 'gesundInsLeben' });
  if (trimester > 1) r.push({ id: 'energy', category: 'nutrition', source: 'gesundInsLeben', values: { kcal: trimester === 2 ? 250 : 500 } });
  if (answers.diet === 'vegan') r.push({ id: 'vegan', category: 'nutrition', source: 'dgeVegan' });
  r.push({ id: answers.diet === 'mixed' ? 'fish' : 'dha', category: 'nutrition', source: 'gesundInsLeben' });
  r.push({ id: 'rawFood', category: 'nutrition', source: 'gesundInsLeben' });
  r.push({ id: 'caffeine', category: 'nutrition', source: 'efsaCaffeine' });
  r.push(weightGain ? { id: 'weightGain', category: 'nutrition', source: 'iom2009', values: { bmi, min: weightGain.min, max: weightGain.max } } : { id: 'weightGainDoctor', category: 'doctor', source: 'iom2009', values: { bmi } });

  // Exercise: 150 minutes a week, unless a warning sign asks for a pause first.
  if (signs.length > 0) r.push({ id: 'exercisePause', category: 'exercise', source: 'who2020' });
  else r.push({ id: answers.exerciseMinutes >= 150 ? 'exerciseKeep' : 'exerciseMore', category: 'exercise', source: 'who2020', values: { minutes: answers.exerciseMinutes } });

  // Smoking and alcohol.
  if (answers.smoking === 'smoking') r.push({ id: 'stopSmoking', category: 'lifestyle', source: 'gesundInsLeben' });
  if (answers.smoking === 'stopped') r.push({ id: 'stayStopped', category: 'lifestyle', source: 'gesundInsLeben' });
  r.push({ id: answers.alcohol === 'none' ? 'noAlcoholKeep' : 'noAlcohol', category: 'lifestyle', source: 'gesundInsLeben' });

  const recommendations = r.map((rec, i) => ({ rec, i })).sort((a, b) => CATEGORIES.indexOf(a.rec.category) - CATEGORIES.indexOf(b.rec.category) || a.i - b.i).map(({ rec }) => rec);

  return {
    gestation,
    trimester,
    bmi,
    weightGain,
    ageAtBirth,
    protectionStart: addDays(expectedBirthDate, -42),
    checkupWeeks: checkupIntervalWeeks(gestation),
    screenings: screeningsFor(expectedBirthDate, today),
    risks,
    recommendations,
  };
}

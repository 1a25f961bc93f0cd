import type { MembershipType, PrismaClient } from '@/lib/generated/prisma/client';

// Insurance periods and wage reports of the demo members: compulsory insurance with employers, a gap,
// voluntary insurance, and Emma's family insurance through her mother. Invented employers and figures.

type Period = { kind: MembershipType; startsOn: string; endsOn: string | null; payerName: string };
type Wage = { year: number; employerName: string; from: string; to: string; euros: number };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A full year's Jahresmeldung per year, or the part of a year the employment covered. */
function yearly(employerName: string, first: number, last: number, euros: (year: number) => number, from?: string, to?: string): Wage[] {
  const wages: Wage[] = [];
  for (let year = first; year <= last; year++) {
    wages.push({
      year,
      employerName,
      from: year === first && from ? from : `${year}-01-01`,
      to: year === last && to ? to : `${year}-12-31`,
      euros: euros(year),
    });
  }
  return wages;
}

const data: Record<string, { periods: Period[]; wages: Wage[] }> = {
  // Anna Schmidt: two employers with a three-month gap between them.
  S100000013: {
    periods: [
      { kind: 'COMPULSORY', startsOn: '2014-09-01', endsOn: '2019-06-30', payerName: 'Hanse Logistik GmbH, Hamburg' },
      { kind: 'COMPULSORY', startsOn: '2019-10-01', endsOn: null, payerName: 'Nordlicht Software GmbH, Berlin' },
    ],
    wages: [
      ...yearly('Hanse Logistik GmbH', 2017, 2019, (y) => (y === 2019 ? 20_650 : 38_400 + (y - 2017) * 1_450), undefined, '2019-06-30'),
      ...yearly('Nordlicht Software GmbH', 2019, 2025, (y) => (y === 2019 ? 13_200 : 52_800 + (y - 2020) * 1_900), '2019-10-01'),
    ],
  },
  // Mehmet Yılmaz: employed, then self-employed and voluntarily insured.
  Y300000032: {
    periods: [
      { kind: 'COMPULSORY', startsOn: '2005-04-01', endsOn: '2017-12-31', payerName: 'Rheinwerk Maschinenbau AG, Düsseldorf' },
      { kind: 'VOLUNTARY', startsOn: '2018-01-01', endsOn: null, payerName: 'Selbstzahler (selbstständig)' },
    ],
    wages: yearly('Rheinwerk Maschinenbau AG', 2013, 2017, (y) => 61_500 + (y - 2013) * 2_100),
  },
  // Laura Fischer: studied, then a clinic; a short gap before the job.
  F400000045: {
    periods: [
      { kind: 'STUDENT', startsOn: '2009-10-01', endsOn: '2014-09-30', payerName: 'Selbstzahlerin (Studium TU Dresden)' },
      { kind: 'COMPULSORY', startsOn: '2015-01-01', endsOn: null, payerName: 'Elbtal Kliniken gGmbH, Dresden' },
    ],
    wages: yearly('Elbtal Kliniken gGmbH', 2020, 2025, (y) => 44_900 + (y - 2020) * 1_600),
  },
  // Emma Fischer: family insured through her mother since birth.
  F400000058: {
    periods: [{ kind: 'FAMILY', startsOn: '2017-05-30', endsOn: null, payerName: 'Familienversicherung über Laura Fischer' }],
    wages: [],
  },
};

/** Idempotent: replaces the demo members' periods and wage reports with the set above. */
export async function seedInsurance(prisma: PrismaClient): Promise<void> {
  for (const [kvnr, { periods, wages }] of Object.entries(data)) {
    const member = await prisma.member.findUnique({ where: { kvnr }, select: { id: true } });
    if (!member) continue;
    const memberId = member.id;
    await prisma.$transaction([
      prisma.insurancePeriod.deleteMany({ where: { memberId } }),
      prisma.wageReport.deleteMany({ where: { memberId } }),
      prisma.insurancePeriod.createMany({
        data: periods.map((p) => ({ memberId, kind: p.kind, startsOn: day(p.startsOn), endsOn: p.endsOn ? day(p.endsOn) : null, payerName: p.payerName })),
      }),
      prisma.wageReport.createMany({
        data: wages.map((w) => ({ memberId, year: w.year, employerName: w.employerName, periodFrom: day(w.from), periodTo: day(w.to), grossPayCents: w.euros * 100, reportedAt: day(`${w.year + 1}-02-15`) })),
      }),
    ]);
  }
}

import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { listInsurancePeriods, listWageYears } from '@/lib/insurance/queries';
import { seedDemo } from '@/prisma/seed/demo';
import { createMember } from '../../helpers/members';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe('Versicherungszeiten and Entgeltdaten', () => {
  it('lists periods newest first with the gaps between them, and ignores other members', async () => {
    const { member } = await createMember();
    const { member: other } = await createMember();
    await prisma.insurancePeriod.createMany({
      data: [
        { memberId: member.id, kind: 'COMPULSORY', startsOn: day('2015-01-01'), endsOn: day('2018-12-31'), payerName: 'A GmbH' },
        { memberId: member.id, kind: 'COMPULSORY', startsOn: day('2019-01-01'), endsOn: day('2019-06-30'), payerName: 'B GmbH' },
        { memberId: member.id, kind: 'VOLUNTARY', startsOn: day('2019-10-01'), endsOn: null, payerName: 'Selbstzahler' },
        { memberId: other.id, kind: 'FAMILY', startsOn: day('2000-01-01'), endsOn: null, payerName: 'X' },
      ],
    });
    const entries = await listInsurancePeriods(member.id);
    expect(entries.map((e) => [e.type, iso(e.startsOn), iso(e.endsOn)])).toEqual([
      ['period', '2019-10-01', null],
      ['gap', '2019-07-01', '2019-09-30'],
      ['period', '2019-01-01', '2019-06-30'],
      ['period', '2015-01-01', '2018-12-31'],
    ]);
  });

  it('groups wage reports by year, newest first, with yearly sums', async () => {
    const { member } = await createMember();
    await prisma.wageReport.createMany({
      data: [
        { memberId: member.id, year: 2024, employerName: 'A GmbH', periodFrom: day('2024-01-01'), periodTo: day('2024-06-30'), grossPayCents: 2_000_000 },
        { memberId: member.id, year: 2024, employerName: 'B GmbH', periodFrom: day('2024-07-01'), periodTo: day('2024-12-31'), grossPayCents: 2_550_050 },
        { memberId: member.id, year: 2025, employerName: 'B GmbH', periodFrom: day('2025-01-01'), periodTo: day('2025-12-31'), grossPayCents: 5_200_000 },
      ],
    });
    const years = await listWageYears(member.id);
    expect(years.map((y) => [y.year, y.totalCents, y.reports.length])).toEqual([
      [2025, 5_200_000, 1],
      [2024, 4_550_050, 2],
    ]);
  });

  it('seeds the demo insurance data idempotently, with Emma family insured', async () => {
    await seedDemo(prisma);
    await seedDemo(prisma);
    const anna = await prisma.member.findUniqueOrThrow({ where: { kvnr: 'S100000013' } });
    const emma = await prisma.member.findUniqueOrThrow({ where: { kvnr: 'F400000058' } });
    const annaEntries = await listInsurancePeriods(anna.id);
    expect(annaEntries.filter((e) => e.type === 'period')).toHaveLength(2);
    expect(annaEntries.some((e) => e.type === 'gap')).toBe(true);
    expect((await listWageYears(anna.id)).length).toBeGreaterThan(3);
    expect((await prisma.insurancePeriod.findMany({ where: { memberId: emma.id } })).map((p) => p.kind)).toEqual(['FAMILY']);
  });
});

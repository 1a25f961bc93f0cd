import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { ageOn } from '@/lib/identity/names';
import { aumioChildren, requestAumioCode } from '@/lib/programs/aumio';
import { createMember, randomKvnr } from '../../helpers/members';
import { meta } from './helpers';

const NOW = new Date('2026-12-01T10:00:00Z');

async function child(headId: string, firstName: string, birthDate: string) {
  return prisma.member.create({
    data: { kvnr: randomKvnr(), firstName, lastName: 'Becker', birthDate: new Date(`${birthDate}T00:00:00Z`), street: 'Weg', houseNumber: '1', postalCode: '20095', city: 'Hamburg', email: 'x@example.test', membershipType: 'FAMILY', familyHeadId: headId },
  });
}

describe('Aumio', () => {
  it('counts full years: the 4th birthday is the first day, the 13th the first day outside', () => {
    expect(ageOn(new Date('2022-12-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'))).toBe(4);
    expect(ageOn(new Date('2022-12-02T00:00:00Z'), new Date('2026-12-01T00:00:00Z'))).toBe(3);
    expect(ageOn(new Date('2013-12-02T00:00:00Z'), new Date('2026-12-01T00:00:00Z'))).toBe(12);
  });

  it('one code per child, shown again; children outside 4 to 12 are explained; a foreign child is not found', async () => {
    const { member } = await createMember();
    const { member: other } = await createMember();
    const emma = await child(member.id, 'Emma', '2017-05-30');
    const ben = await child(member.id, 'Ben', '2024-01-15');
    const tom = await child(member.id, 'Tom', '2012-03-01');

    const first = await requestAumioCode(member.id, emma.id, meta, NOW);
    expect(first).toMatchObject({ ok: true, code: expect.stringMatching(/^AUMIO-[A-Z2-9]{4}-[A-Z2-9]{4}$/) });
    expect(await requestAumioCode(member.id, emma.id, meta, NOW)).toEqual(first);
    expect(await requestAumioCode(member.id, ben.id, meta, NOW)).toEqual({ ok: false, error: 'too_young' });
    expect(await requestAumioCode(member.id, tom.id, meta, NOW)).toEqual({ ok: false, error: 'too_old' });
    expect(await requestAumioCode(other.id, emma.id, meta, NOW)).toEqual({ ok: false, error: 'not_found' });

    const list = await aumioChildren(member.id, NOW);
    expect(list.map((c) => [c.firstName, c.age, c.eligibility, c.code !== null])).toEqual([
      ['Ben', 2, 'too_young', false],
      ['Emma', 9, 'eligible', true],
      ['Tom', 14, 'too_old', false],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { registerMember } from '@/lib/identity/registration';
import { randomKvnr } from '../../helpers/members';

const meta = { ip: '198.51.100.77', userAgent: 'vitest' };
const password = 'Mein Hund heißt Bello seit 2019';

async function insuredPerson(data: { firstName: string; lastName: string; birthDate: string }) {
  const kvnr = randomKvnr();
  return prisma.member.create({
    data: {
      kvnr, firstName: data.firstName, lastName: `${data.lastName}-${kvnr.slice(1, 5)}`, birthDate: new Date(`${data.birthDate}T00:00:00Z`),
      street: 'Wandsbeker Zollstraße', houseNumber: '1', postalCode: '22041', city: 'Hamburg', email: 'alt@example.test', membershipType: 'FAMILY',
    },
  });
}

function form(person: { kvnr: string }, firstName: string, lastName: string, birthDate: string) {
  return { firstName, lastName, kvnr: person.kvnr, birthDate, email: `neu-${person.kvnr.toLowerCase()}@example.test`, password, appCommunication: 'no' };
}

describe('registration compares names as members type them', () => {
  it('accepts "Guenter Koehler" for Günter Köhler, and refuses "Gunter"', async () => {
    const person = await insuredPerson({ firstName: 'Günter', lastName: 'Köhler', birthDate: '1952-08-14' });
    const typedLastName = person.lastName.replace('ö', 'oe');
    expect(await registerMember(form(person, 'Gunter', typedLastName, '1952-08-14'), meta)).toEqual({ ok: false, error: 'not_matched' });
    expect(await registerMember(form(person, ' guenter ', typedLastName.toUpperCase(), '1952-08-14'), meta)).toMatchObject({ ok: true, memberId: person.id });
  });
});

describe('no login for children under 15', () => {
  it('refuses a family-insured child of 9 with its own reason, and creates no account', async () => {
    const nineYearsAgo = new Date();
    nineYearsAgo.setUTCFullYear(nineYearsAgo.getUTCFullYear() - 9);
    const birthDate = nineYearsAgo.toISOString().slice(0, 10);
    const child = await insuredPerson({ firstName: 'Emma', lastName: 'Fischer', birthDate });
    expect(await registerMember(form(child, 'Emma', child.lastName, birthDate), meta)).toEqual({ ok: false, error: 'too_young' });
    expect(await prisma.account.count({ where: { memberId: child.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: child.id, action: 'registration.refused' } })).toBe(1);
  });

  it('lets a 15-year-old register', async () => {
    const fifteen = new Date();
    fifteen.setUTCFullYear(fifteen.getUTCFullYear() - 15);
    fifteen.setUTCDate(fifteen.getUTCDate() - 1);
    const birthDate = fifteen.toISOString().slice(0, 10);
    const teen = await insuredPerson({ firstName: 'Mia', lastName: 'Fischer', birthDate });
    expect((await registerMember(form(teen, 'Mia', teen.lastName, birthDate), meta)).ok).toBe(true);
  });
});

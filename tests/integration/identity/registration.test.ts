import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { loginWithPassword } from '@/lib/auth/login';
import { confirmEmail, registerMember } from '@/lib/identity/registration';
import { randomKvnr } from '../../helpers/members';
import { meta } from './helpers';

/** A person in the insurer's records who has not registered yet. */
async function insuredPerson() {
  const kvnr = randomKvnr();
  const member = await prisma.member.create({
    data: {
      kvnr, firstName: 'Jürgen', lastName: `Groß-${kvnr.slice(1, 5)}`, birthDate: new Date('1970-12-31T00:00:00Z'),
      street: 'Elbchaussee', houseNumber: '2', postalCode: '22763', city: 'Hamburg', email: 'alt@example.test', membershipType: 'COMPULSORY',
    },
  });
  return member;
}

const password = 'Mein Hund heißt Bello seit 2019';

function form(member: { firstName: string; lastName: string; kvnr: string }, overrides: Record<string, unknown> = {}) {
  return {
    firstName: member.firstName, lastName: member.lastName, kvnr: member.kvnr, birthDate: '1970-12-31',
    email: `neu-${member.kvnr.toLowerCase()}@example.test`, password, appCommunication: 'yes', ...overrides,
  };
}

function linkToken(text: string): string {
  const match = /\/bestaetigen\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no confirmation link in: ${text}`);
  return decodeURIComponent(match[1]);
}

describe('registration as a basic member', () => {
  it('registers a known insured person, mails a single-use confirmation link, and records the App-Kommunikation choice', async () => {
    const person = await insuredPerson();
    // Name in other case and with extra spaces: a clerk would accept it too.
    const result = await registerMember(form(person, { firstName: ' jürgen ', lastName: person.lastName.toUpperCase() }), meta);
    expect(result).toMatchObject({ ok: true, memberId: person.id });

    const account = await prisma.account.findUniqueOrThrow({ where: { memberId: person.id } });
    expect(account.emailVerifiedAt).toBeNull();
    expect(account.passwordHash).not.toContain(password);
    const consent = await prisma.communicationConsent.findFirstOrThrow({ where: { memberId: person.id } });
    expect(consent).toMatchObject({ enabled: true, source: 'registration' });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { memberId: person.id, kind: 'email_confirmation' } });
    expect(mail.to).toBe(`neu-${person.kvnr.toLowerCase()}@example.test`);
    const token = linkToken(mail.text);
    const stored = await prisma.emailConfirmation.findFirstOrThrow({ where: { memberId: person.id } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now());

    // Before the confirmation the right password is refused with its own message.
    expect(await loginWithPassword({ kvnr: person.kvnr, password }, meta)).toEqual({ ok: false, error: 'email_unconfirmed' });
    expect(await loginWithPassword({ kvnr: person.kvnr, password: 'ein-falsches-Passwort' }, meta)).toEqual({ ok: false, error: 'invalid_credentials' });

    expect(await confirmEmail(token, meta)).toEqual({ ok: true });
    expect(await confirmEmail(token, meta)).toEqual({ ok: false, error: 'used' });
    expect((await loginWithPassword({ kvnr: person.kvnr, password }, meta)).ok).toBe(true);
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: person.id, action: { in: ['registration.completed', 'registration.email_confirmed'] } } })).toBe(2);
  });

  it('gives one answer for a wrong name, a wrong birth date and an unknown KVNR', async () => {
    const person = await insuredPerson();
    const answers = [
      await registerMember(form(person, { lastName: 'Klein' }), meta),
      await registerMember(form(person, { birthDate: '1971-12-31' }), meta),
      await registerMember(form({ ...person, kvnr: randomKvnr() }), meta),
    ];
    for (const answer of answers) expect(answer).toEqual({ ok: false, error: 'not_matched' });
    expect(await prisma.account.count({ where: { memberId: person.id } })).toBe(0);
  });

  it('refuses a second registration of the same person and a person who already has a login', async () => {
    const person = await insuredPerson();
    expect((await registerMember(form(person), meta)).ok).toBe(true);
    expect(await registerMember(form(person, { email: 'zweite@example.test' }), meta)).toEqual({ ok: false, error: 'already_registered' });
    expect(await prisma.account.count({ where: { memberId: person.id } })).toBe(1);
  });

  it('asks for at least 12 characters and refuses a common password', async () => {
    const person = await insuredPerson();
    const short = await registerMember(form(person, { password: 'kurz-2024' }), meta);
    expect(short).toMatchObject({ ok: false, error: 'invalid_input', fieldErrors: { password: ['identity.validation.passwordTooShort'] } });
    expect(await registerMember(form(person, { password: 'Passwort-12345' }), meta)).toEqual({ ok: false, error: 'password_common' });
    const badKvnr = await registerMember(form(person, { kvnr: 'A123456781' }), meta);
    expect(badKvnr).toMatchObject({ ok: false, error: 'invalid_input', fieldErrors: { kvnr: ['kvnr.checkDigit'] } });
  });

  it('does not confirm with an expired or unknown link', async () => {
    const person = await insuredPerson();
    await registerMember(form(person), meta);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { memberId: person.id, kind: 'email_confirmation' } });
    await prisma.emailConfirmation.updateMany({ where: { memberId: person.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await confirmEmail(linkToken(mail.text), meta)).toEqual({ ok: false, error: 'expired' });
    expect(await confirmEmail('not-a-token', meta)).toEqual({ ok: false, error: 'invalid' });
    expect((await prisma.account.findUniqueOrThrow({ where: { memberId: person.id } })).emailVerifiedAt).toBeNull();
  });

  it('pauses registration for a KVNR after repeated mismatches', async () => {
    const person = await insuredPerson();
    for (let i = 0; i < 5; i++) await registerMember(form(person, { lastName: `Falsch${i}` }), { ...meta, ip: `203.0.113.${i}` });
    const limited = await registerMember(form(person), meta);
    expect(limited).toMatchObject({ ok: false, error: 'rate_limited' });
  });
});

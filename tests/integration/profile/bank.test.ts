import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { addBankAccount } from '@/lib/bank/commands';
import { currentAccountOn, getBankAccount, listBankAccounts } from '@/lib/bank/queries';
import { isoDate } from '@/lib/insurance/calendar';
import { loadMessages } from '@/lib/i18n/catalogue';
import { createMember } from '../../helpers/members';
import { meta, sessionFor } from './helpers';

const NOW = new Date('2026-12-01T10:00:00Z');
const form = (iban: string, extra: Record<string, string> = {}) => ({ iban, accountHolder: 'Lena Becker', bic: '', validFrom: '2026-12-01', requestKey: crypto.randomUUID(), ...extra });
const germanMessage = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], (loadMessages('de') as Record<string, unknown>).bank) as string;

async function memberWithAccount() {
  const { member } = await createMember();
  const session = await sessionFor(member.id, { stepUp: true });
  const first = await addBankAccount(session, form('DE89 3704 0044 0532 0130 00', { validFrom: '2026-12-01' }), meta, NOW);
  expect(first.ok).toBe(true);
  return { member, session };
}

describe('Bankverbindungen: refusals', () => {
  it.each([
    ['wrong check digits', 'DE88370400440532013000', 'iban.check_digits', 'Prüfziffer'],
    ['wrong length', 'DE8937040044053201300', 'iban.length', '22 Zeichen'],
    ['a letter in a German BBAN', 'DE89370400440532O13000', 'iban.bban_digits', 'Buchstaben'],
    ['a non-SEPA IBAN (Egypt)', 'EG380019000500000000263180002', 'iban.not_sepa', 'SEPA-Raum'],
    ['a country without IBAN', 'US12345678901234567890', 'iban.no_iban_country', 'keine IBAN'],
  ])('%s is refused with a clear German message, and the old account stays current', async (_case, iban, key, words) => {
    const { member, session } = await memberWithAccount();
    const result = await addBankAccount(session, form(iban, { validFrom: '2026-12-02' }), meta, NOW);
    expect(result).toEqual({ ok: false, errors: { iban: [key] } });
    expect(germanMessage(`validation.${key}`)).toContain(words);
    expect((await currentAccountOn(member.id, new Date('2026-12-05')))?.iban).toBe('DE89370400440532013000');
    expect(await prisma.bankAccount.count({ where: { memberId: member.id } })).toBe(1);
  });

  it('without a fresh second factor nothing is stored, and the old account stays current', async () => {
    const { member, session } = await memberWithAccount();
    const missing = { memberId: member.id, stepUpAt: null };
    await expect(addBankAccount(missing, form('FR1420041010050500013M02606', { validFrom: '2026-12-02' }), meta, NOW)).rejects.toMatchObject({ code: 'step_up_required' });
    const stale = { ...session, stepUpAt: new Date(Date.now() - 60 * 60_000) };
    await expect(addBankAccount(stale, form('FR1420041010050500013M02606', { validFrom: '2026-12-02' }), meta, NOW)).rejects.toMatchObject({ code: 'step_up_required' });
    expect(await prisma.bankAccount.count({ where: { memberId: member.id } })).toBe(1);
    expect((await currentAccountOn(member.id, new Date('2026-12-05')))?.iban).toBe('DE89370400440532013000');
  });

  it('a start in the past or before the latest account is refused', async () => {
    const { session } = await memberWithAccount();
    expect(await addBankAccount(session, form('AT611904300234573201', { validFrom: '2026-11-30' }), meta, NOW)).toEqual({ ok: false, errors: { validFrom: ['date_past'] } });
    expect(await addBankAccount(session, form('AT611904300234573201', { bic: 'COBADEFFXXX' }), meta, NOW)).toEqual({ ok: false, errors: { bic: ['bic'] } });
  });
});

describe('Bankverbindungen: a new account', () => {
  it('a foreign SEPA account takes over from its start date; payments before go to the old one', async () => {
    const { member, session } = await memberWithAccount();
    const added = await addBankAccount(session, form('FR14 2004 1010 0505 0001 3M02 606', { validFrom: '2027-01-01', bic: 'PSSTFRPP' }), meta, NOW);
    expect(added.ok).toBe(true);

    expect((await currentAccountOn(member.id, new Date('2026-12-31')))?.iban).toBe('DE89370400440532013000');
    expect((await currentAccountOn(member.id, new Date('2027-01-01')))).toMatchObject({ iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPXXX' });
    expect(await currentAccountOn(member.id, new Date('2026-11-30'))).toBeNull();

    const list = await listBankAccounts(member.id, new Date('2026-12-01T00:00:00Z'));
    expect(list.map((a) => [a.iban.slice(0, 2), a.state, a.validUntil && isoDate(a.validUntil)])).toEqual([
      ['FR', 'future', null],
      ['DE', 'current', '2026-12-31'],
    ]);
  });

  it('puts a confirmation letter into the Postfach and raises a security notice; a double submit stores one', async () => {
    const { member } = await createMember();
    await prisma.member.update({ where: { id: member.id }, data: { appCommunication: true } });
    const session = await sessionFor(member.id, { stepUp: true });
    const input = form('DE89370400440532013000');
    const [a, b] = [await addBankAccount(session, input, meta, NOW), await addBankAccount(session, input, meta, NOW)];
    expect(a).toEqual(b);
    expect(await prisma.bankAccount.count({ where: { memberId: member.id } })).toBe(1);
    const letter = await prisma.letter.findFirstOrThrow({ where: { memberId: member.id, folder: 'INBOX' } });
    expect(letter.subject).toBe('Bestätigung Ihrer neuen Bankverbindung');
    const notice = await prisma.notification.findFirstOrThrow({ where: { memberId: member.id, kind: 'bank_account_added' } });
    expect(notice.details).toEqual({ name: 'DE •••• •••• •••• •••• 3000' });
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'bank.account.added' } })).toBe(1);
  });

  it('another member\'s account is not found', async () => {
    const { member } = await memberWithAccount();
    const { member: other } = await createMember();
    const [account] = await listBankAccounts(member.id, new Date());
    expect(await getBankAccount(other.id, account!.id)).toBeNull();
    expect(await getBankAccount(member.id, account!.id)).not.toBeNull();
    expect(await listBankAccounts(other.id, new Date())).toEqual([]);
  });
});

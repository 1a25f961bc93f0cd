import 'server-only';
import { prisma } from '@/lib/db';
import { addDays } from '@/lib/insurance/calendar';

const accountSelect = { id: true, iban: true, bic: true, bankName: true, accountHolder: true, validFrom: true, createdAt: true } as const;

/** Which account is in use on a day: the latest validFrom on or before it; of two the same day, the newer. */
const inUseOrder = [{ validFrom: 'desc' as const }, { createdAt: 'desc' as const }];

/**
 * The account that payments made on `date` go to (for claims: the payment date's account), or null when
 * the member had none yet. `date` is a calendar date (UTC midnight) or an instant; only its UTC day counts.
 */
export function currentAccountOn(memberId: string, date: Date) {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return prisma.bankAccount.findFirst({ where: { memberId, validFrom: { lte: day } }, orderBy: inUseOrder, select: accountSelect });
}

export type BankAccountPeriod = {
  id: string;
  iban: string;
  bic: string | null;
  bankName: string | null;
  accountHolder: string;
  validFrom: Date;
  /** Last day of use: the day before the next account's start; null while it is (or will be) in use. */
  validUntil: Date | null;
  /** Given the same day as a later one: never used. */
  superseded: boolean;
  state: 'current' | 'future' | 'past';
};

/** Every account the member gave, newest start first, with the period each was (or will be) used. */
export async function listBankAccounts(memberId: string, today: Date): Promise<BankAccountPeriod[]> {
  const rows = await prisma.bankAccount.findMany({ where: { memberId }, orderBy: inUseOrder, select: accountSelect });
  const current = rows.find((r) => r.validFrom <= today)?.id ?? null;
  let nextStart: Date | null = null;
  return rows.map((row) => {
    const superseded = nextStart !== null && nextStart.getTime() === row.validFrom.getTime();
    const validUntil = nextStart && !superseded ? addDays(nextStart, -1) : superseded ? row.validFrom : null;
    if (!superseded) nextStart = row.validFrom;
    const state = row.id === current ? 'current' : row.validFrom > today ? 'future' : 'past';
    return { ...row, validUntil, superseded, state };
  });
}

/** One account of the member (foreign ids are not found). */
export function getBankAccount(memberId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
  return prisma.bankAccount.findFirst({ where: { id, memberId }, select: accountSelect });
}

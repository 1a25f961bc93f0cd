import 'server-only';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import type { ActiveSession } from '@/lib/auth/session';
import { requireStepUp } from '@/lib/auth/step-up';
import { addDays, berlinDate, germanDate, parseCalendarDate } from '@/lib/insurance/calendar';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { templateSpec } from '@/lib/mailbox/templates';
import { securityNoticeOps } from '@/lib/security/notices';
import type { RequestMeta } from '@/lib/http/request-meta';
import { checkBic, checkIban, maskIban } from './iban';
import { addBankAccountSchema } from './schema';

/** How far ahead a new account may start. */
export const MAX_START_DAYS_AHEAD = 366;

type FieldErrors = Record<string, string[] | undefined>;
export type AddBankAccountResult = { ok: true; accountId: string } | { ok: false; errors: FieldErrors };

/**
 * Adds a bank account from its start date on. Needs a fresh second factor in this session (throws
 * step_up_required before anything is read or written), so whoever holds a stolen session cannot divert
 * payments. The accounts given before stay as they are: the old one stays current until the new one starts.
 * Puts a confirmation letter into the Postfach (or the post) and raises a security notice.
 */
export async function addBankAccount(session: Pick<ActiveSession, 'memberId' | 'stepUpAt'>, input: unknown, meta: RequestMeta, now = new Date()): Promise<AddBankAccountResult> {
  requireStepUp(session);
  const { memberId } = session;
  const parsed = addBankAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.flatten().fieldErrors };
  const { accountHolder, requestKey } = parsed.data;

  const repeated = await prisma.bankAccount.findUnique({ where: { memberId_requestKey: { memberId, requestKey } }, select: { id: true } });
  if (repeated) return { ok: true, accountId: repeated.id };

  const iban = checkIban(parsed.data.iban);
  if (!iban.ok) return { ok: false, errors: { iban: [`iban.${iban.problem}`] } };
  const bic = checkBic(parsed.data.bic, iban.country);
  if (!bic.ok) return { ok: false, errors: { bic: ['bic'] } };

  const today = berlinDate(now);
  const validFrom = parseCalendarDate(parsed.data.validFrom);
  if (!validFrom) return { ok: false, errors: { validFrom: ['date'] } };
  // Payments already made went to the account in use then: a start in the past would rewrite that.
  if (validFrom < today) return { ok: false, errors: { validFrom: ['date_past'] } };
  if (validFrom > addDays(today, MAX_START_DAYS_AHEAD)) return { ok: false, errors: { validFrom: ['date_far'] } };
  const latest = await prisma.bankAccount.findFirst({ where: { memberId }, orderBy: { validFrom: 'desc' }, select: { validFrom: true } });
  if (latest && validFrom < latest.validFrom) return { ok: false, errors: { validFrom: ['date_before_latest'] } };

  const masked = maskIban(iban.iban);
  const [account] = await prisma.$transaction([
    prisma.bankAccount.create({
      data: { memberId, iban: iban.iban, bic: bic.bic, accountHolder, validFrom, requestKey },
      select: { id: true },
    }),
    auditEvent({ action: 'bank.account.added', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { country: iban.country, validFrom: parsed.data.validFrom } }),
    ...(await securityNoticeOps(memberId, 'bank_account_added', meta, { name: masked })),
  ]);

  await deliverLetter({
    memberId,
    subject: 'Bestätigung Ihrer neuen Bankverbindung',
    category: 'GENERAL',
    pdf: (member) =>
      templateSpec(
        {
          subject: 'Bestätigung Ihrer neuen Bankverbindung',
          category: 'GENERAL',
          retentionYears: 10,
          paragraphs: () => [
            `wir haben Ihre neue Bankverbindung gespeichert: Kontoinhaber ${accountHolder}, IBAN ${masked}${bic.bic ? `, BIC ${bic.bic}` : ''}.`,
            `Ab dem ${germanDate(validFrom)} überweisen wir Erstattungen und andere Zahlungen auf dieses Konto. Zahlungen vor diesem Tag gehen auf das bisherige Konto.`,
            'Haben Sie diese Änderung nicht selbst vorgenommen? Dann rufen Sie uns bitte sofort an: 0800 0213213 (kostenfrei).',
          ],
        },
        member,
        now,
      ),
  });
  return { ok: true, accountId: account.id };
}

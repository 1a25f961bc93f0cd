import 'server-only';
import { z } from 'zod';
import { createTranslator } from 'use-intl/core';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import { hashPassword } from '@/lib/auth/password';
import { checkPasswordPolicy } from '@/lib/auth/password-policy';
import { checkLimit, clearLimit, registerFailure } from '@/lib/auth/rate-limit';
import { loadMessages } from '@/lib/i18n/catalogue';
import { queueEmail } from '@/lib/mail/outbox';
import { setAppCommunication } from '@/lib/mailbox/app-communication';
import type { RequestMeta } from '@/lib/http/request-meta';
import { isUniqueViolation } from './errors';
import { randomToken, sha256Hex } from './crypto';
import { ageOn, isoDate, sameName } from './names';
import { registrationSchema } from './schema';

export type RegistrationError = 'invalid_input' | 'not_matched' | 'already_registered' | 'password_common' | 'too_young';

export type RegistrationResult =
  | { ok: true; memberId: string; email: string }
  | { ok: false; error: RegistrationError; fieldErrors?: Record<string, string[] | undefined> }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

// Failed registrations per KVNR and per address and hour; a shared office address gets more room.
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The youngest age at which an insured person registers a login of their own. */
export const MIN_REGISTRATION_AGE = 15;

const KVNR_LIMIT = 5;
const IP_LIMIT = 20;
const WINDOW_SECONDS = 3600;

/**
 * Registration as a basic member. It succeeds only for an insured person of the insurer (a Member row)
 * without a login yet whose name and birth date match; a mismatch gets one answer whichever field was
 * wrong, so the form cannot be used to find out someone's data. The email address is confirmed by a
 * single-use link before the first login.
 */
export async function registerMember(input: unknown, meta: RequestMeta): Promise<RegistrationResult> {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid_input', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const data = parsed.data;
  const kvnrKey = `register:kvnr:${data.kvnr}`;
  const ipKey = `register:ip:${meta.ip ?? 'unknown'}`;
  for (const [key, max] of [[kvnrKey, KVNR_LIMIT], [ipKey, IP_LIMIT]] as const) {
    const state = await checkLimit(key, max);
    if (state.limited) {
      await auditEvent({ action: 'registration.rate_limited', actor: { type: 'ANONYMOUS' }, meta, details: { key: key.split(':')[1] ?? '' } });
      return { ok: false, error: 'rate_limited', retryAfterSeconds: state.retryAfterSeconds };
    }
  }
  if (checkPasswordPolicy(data.password) === 'common') return { ok: false, error: 'password_common' };

  // Hashing before the lookup keeps an unknown KVNR from answering faster than a known one.
  const passwordHash = await hashPassword(data.password);
  const member = await prisma.member.findUnique({ where: { kvnr: data.kvnr }, include: { account: { select: { id: true } } } });
  const matches =
    member !== null &&
    sameName(member.firstName, data.firstName) &&
    sameName(member.lastName, data.lastName) &&
    isoDate(member.birthDate) === data.birthDate;
  if (!member || !matches) {
    await registerFailure(kvnrKey, KVNR_LIMIT, WINDOW_SECONDS);
    await registerFailure(ipKey, IP_LIMIT, WINDOW_SECONDS);
    await auditEvent({ action: 'registration.refused', actor: { type: 'ANONYMOUS' }, subjectMemberId: member?.id ?? null, meta, details: { reason: 'not_matched' } });
    return { ok: false, error: 'not_matched' };
  }
  // From 15 a person may act in social-security matters on their own (§ 36 SGB I); for a younger
  // child a parent acts, with the parent's own login. Told only after a full match, so it reveals nothing.
  if (ageOn(member.birthDate, new Date()) < MIN_REGISTRATION_AGE) {
    await auditEvent({ action: 'registration.refused', actor: { type: 'ANONYMOUS' }, subjectMemberId: member.id, meta, details: { reason: 'too_young' } });
    return { ok: false, error: 'too_young' };
  }
  if (member.account) {
    await auditEvent({ action: 'registration.refused', actor: { type: 'ANONYMOUS' }, subjectMemberId: member.id, meta, details: { reason: 'already_registered' } });
    return { ok: false, error: 'already_registered' };
  }

  const token = randomToken();
  try {
    await prisma.$transaction([
      prisma.account.create({ data: { memberId: member.id, passwordHash, emailVerifiedAt: null } }),
      prisma.member.update({ where: { id: member.id }, data: { email: data.email } }),
      ...(await confirmationOps(member.id, member.firstName, member.lastName, data.email, token)),
      auditEvent({ action: 'registration.completed', actor: { type: 'MEMBER', id: member.id }, subjectMemberId: member.id, meta }),
    ]);
  } catch (error) {
    // A second submit of the same form (or a race with another browser) finds the account created.
    if (isUniqueViolation(error)) return { ok: false, error: 'already_registered' };
    throw error;
  }
  await clearLimit(kvnrKey);
  await setAppCommunication(member.id, data.appCommunication === 'yes', 'registration', meta);
  return { ok: true, memberId: member.id, email: data.email };
}

async function confirmationOps(memberId: string, firstName: string, lastName: string, email: string, token: string) {
  const hours = env().EMAIL_CONFIRMATION_HOURS;
  // The catalogue is loaded at run time, so its keys are not known to the type checker.
  const t = createTranslator({ locale: 'de', messages: loadMessages('de'), namespace: 'identity.confirmationEmail' }) as unknown as Translate;
  const link = `${env().origin}/bestaetigen?token=${encodeURIComponent(token)}`;
  return [
    prisma.emailConfirmation.create({
      data: { memberId, tokenHash: sha256Hex(token), email, expiresAt: new Date(Date.now() + hours * 3600_000) },
    }),
    queueEmail({
      to: email,
      subject: t('subject'),
      text: t('text', { name: `${firstName} ${lastName}`, link, hours }),
      kind: 'email_confirmation',
      memberId,
    }),
  ];
}

export type ConfirmationState = 'valid' | 'invalid' | 'used' | 'expired';

/** What the confirmation page shows before the member presses the button. */
export async function confirmationState(token: string): Promise<ConfirmationState> {
  if (!token) return 'invalid';
  const row = await prisma.emailConfirmation.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!row) return 'invalid';
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'valid';
}

/**
 * Confirms the email address. The link works once: it is claimed with one conditional update, so two
 * clicks at the same time confirm once. A button press (POST) does it, not opening the link, because mail
 * scanners open links.
 */
export async function confirmEmail(token: string, meta: RequestMeta): Promise<{ ok: true } | { ok: false; error: Exclude<ConfirmationState, 'valid'> }> {
  const state = await confirmationState(token);
  if (state !== 'valid') return { ok: false, error: state };
  const now = new Date();
  const tokenHash = sha256Hex(token);
  const claimed = await prisma.emailConfirmation.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) return { ok: false, error: 'used' };
  const row = await prisma.emailConfirmation.findUniqueOrThrow({ where: { tokenHash } });
  await prisma.$transaction([
    prisma.account.updateMany({ where: { memberId: row.memberId }, data: { emailVerifiedAt: now } }),
    auditEvent({ action: 'registration.email_confirmed', actor: { type: 'MEMBER', id: row.memberId }, subjectMemberId: row.memberId, meta }),
  ]);
  return { ok: true };
}

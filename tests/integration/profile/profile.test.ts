import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { confirmEmailChange, emailChangeLinkState, changeAddress, changePhone, requestEmailChange, requestNameChange, withdrawNameChange, decideNameChange } from '@/lib/profile/commands';
import { listNameChanges, pendingEmailChange } from '@/lib/profile/queries';
import { createMember } from '../../helpers/members';
import { meta, sessionFor } from './helpers';

const tokenFrom = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
const pdf = { name: 'Heiratsurkunde.pdf', bytes: new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')) };

describe('Persönliche Daten: address and phone', () => {
  it('a German address needs a five-digit postal code; a foreign one may have letters and spaces', async () => {
    const { member } = await createMember();
    const refused = await changeAddress(member.id, { street: 'Weg', houseNumber: '2', postalCode: '2009', city: 'Hamburg', country: 'DE' }, meta);
    expect(refused).toEqual({ ok: false, errors: { postalCode: ['postal_code_de'] } });

    expect(await changeAddress(member.id, { street: 'Keizersgracht', houseNumber: '12', postalCode: '1015 cs', city: 'Amsterdam', country: 'NL' }, meta)).toEqual({ ok: true });
    const saved = await prisma.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(saved).toMatchObject({ street: 'Keizersgracht', postalCode: '1015 CS', city: 'Amsterdam', country: 'NL' });
  });

  it('every change is audited and raises a security notice with "Das war ich nicht"', async () => {
    const { member } = await createMember();
    await changeAddress(member.id, { street: 'Neuer Weg', houseNumber: '7b', postalCode: '20095', city: 'Hamburg', country: 'DE' }, meta);
    await changePhone(member.id, { phone: '+49 40 123456' }, meta);
    const audit = await prisma.auditEvent.findMany({ where: { subjectMemberId: member.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['profile.address.changed', 'profile.phone.changed']);
    const notices = await prisma.notification.findMany({ where: { memberId: member.id } });
    expect(notices.map((n) => n.kind).sort()).toEqual(['address_changed', 'phone_changed']);
    expect(notices.every((n) => n.notMeTokenHash)).toBe(true);
    const mails = await prisma.outboxEmail.findMany({ where: { memberId: member.id } });
    expect(mails.every((m) => m.text.includes('/das-war-ich-nicht?token='))).toBe(true);
  });
});

describe('Persönliche Daten: email', () => {
  it('without a fresh second factor the email change is refused and nothing is sent', async () => {
    const { member } = await createMember();
    const session = await sessionFor(member.id);
    await expect(requestEmailChange(session, { email: 'neu@example.test' }, meta)).rejects.toMatchObject({ code: 'step_up_required' });
    const stale = { ...session, stepUpAt: new Date(Date.now() - 3600_000) };
    await expect(requestEmailChange(stale, { email: 'neu@example.test' }, meta)).rejects.toMatchObject({ code: 'step_up_required' });
    expect(await prisma.emailChangeRequest.count({ where: { memberId: member.id } })).toBe(0);
  });

  it('the new address becomes active only through its link, and the old address is told', async () => {
    const { member } = await createMember();
    const session = await sessionFor(member.id, { stepUp: true });
    const newEmail = `neu-${member.kvnr.toLowerCase()}@example.test`;
    expect(await requestEmailChange(session, { email: ` ${newEmail.toUpperCase()} ` }, meta)).toEqual({ ok: true });

    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(member.email);
    expect(await pendingEmailChange(member.id)).toMatchObject({ newEmail });
    const confirmation = await prisma.outboxEmail.findFirstOrThrow({ where: { to: newEmail, kind: 'email_change_confirmation' } });
    const warning = await prisma.outboxEmail.findFirstOrThrow({ where: { to: member.email, kind: 'security_notice.email_change_requested' } });
    expect(warning.text).toContain(newEmail);

    const token = tokenFrom(confirmation.text);
    expect(await emailChangeLinkState(token)).toEqual({ state: 'valid', email: newEmail });
    expect(await confirmEmailChange(token, meta)).toEqual({ ok: true });
    expect(await confirmEmailChange(token, meta)).toEqual({ ok: false, error: 'used' });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(newEmail);
    const told = await prisma.outboxEmail.findFirstOrThrow({ where: { to: member.email, kind: 'email_changed_old_address' } });
    expect(told.text).toContain(newEmail);
    expect(await prisma.notification.count({ where: { memberId: member.id, kind: 'email_changed' } })).toBe(1);
    const actions = (await prisma.auditEvent.findMany({ where: { subjectMemberId: member.id } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['profile.email.change_requested', 'profile.email.changed']));
  });

  it('a second request cancels the first link', async () => {
    const { member } = await createMember();
    const session = await sessionFor(member.id, { stepUp: true });
    await requestEmailChange(session, { email: 'erste@example.test' }, meta);
    await requestEmailChange(session, { email: 'zweite@example.test' }, meta);
    const first = await prisma.outboxEmail.findFirstOrThrow({ where: { to: 'erste@example.test', memberId: member.id } });
    expect(await confirmEmailChange(tokenFrom(first.text), meta)).toEqual({ ok: false, error: 'invalid' });
    expect(await pendingEmailChange(member.id)).toMatchObject({ newEmail: 'zweite@example.test' });
  });
});

describe('Persönliche Daten: name change', () => {
  it('needs a document checked by content, stays pending, and is applied only by staff', async () => {
    const { member } = await createMember();
    const input = { firstName: member.firstName, lastName: 'Neumann-Becker', reason: 'marriage', requestKey: crypto.randomUUID() };
    expect(await requestNameChange(member.id, input, null, meta)).toEqual({ ok: false, error: 'document', reason: 'missing' });
    const fake = { name: 'urkunde.pdf', bytes: new Uint8Array(Buffer.from('kein PDF')) };
    expect(await requestNameChange(member.id, input, fake, meta)).toMatchObject({ ok: false, error: 'document', reason: 'type_not_allowed' });

    expect(await requestNameChange(member.id, input, pdf, meta)).toEqual({ ok: true });
    // A double submit of the same form creates one request; another one waits for the first.
    expect(await requestNameChange(member.id, input, pdf, meta)).toEqual({ ok: true });
    expect(await requestNameChange(member.id, { ...input, requestKey: crypto.randomUUID() }, pdf, meta)).toEqual({ ok: false, error: 'already_pending' });
    const [request] = await listNameChanges(member.id);
    expect(request).toMatchObject({ status: 'PENDING', lastName: 'Neumann-Becker' });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).lastName).toBe(member.lastName);

    expect(await decideNameChange({ requestId: request!.id, staffId: 'staff-1', decision: 'APPROVED' }, meta)).toBe('ok');
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).lastName).toBe('Neumann-Becker');
    expect(await withdrawNameChange(member.id, request!.id, meta)).toBe('not_found');
  });

  it('the member withdraws their own pending change; another member\'s is not found', async () => {
    const { member } = await createMember();
    const { member: other } = await createMember();
    await requestNameChange(member.id, { firstName: 'Lena', lastName: 'Schulz', reason: 'divorce', requestKey: crypto.randomUUID() }, pdf, meta);
    const [request] = await listNameChanges(member.id);
    expect(await withdrawNameChange(other.id, request!.id, meta)).toBe('not_found');
    expect(await withdrawNameChange(other.id, 'keine-id', meta)).toBe('not_found');
    expect(await withdrawNameChange(member.id, request!.id, meta)).toBe('ok');
    expect((await listNameChanges(member.id))[0]).toMatchObject({ status: 'WITHDRAWN' });
  });
});

import 'server-only';
import crypto from 'node:crypto';
import { prisma } from '@/lib/db';
import { applyCaseUpdate } from '@/lib/claims/updates';
import { setAppCommunication } from '@/lib/mailbox/app-communication';
import { addDays, berlinDate, isoDate } from '@/lib/insurance/calendar';
import { randomKvnr } from './members';

const day = (offset: number) => isoDate(addDays(berlinDate(new Date()), offset));

/**
 * For the e2e tests: a member with Postfach on, a family-insured child, an open Krankengeld case (two
 * notes, a gap, a third note that ends in two days, two payments) and a Kinderkrankengeld case waiting
 * for a document — built through the insurer's update function.
 */
export async function prepareClaimsMember(memberId: string) {
  await setAppCommunication(memberId, true, 'settings', { ip: null, userAgent: 'e2e' });
  const parent = await prisma.member.findUniqueOrThrow({ where: { id: memberId } });
  const child = await prisma.member.create({
    data: { kvnr: randomKvnr(), firstName: 'Mia', lastName: parent.lastName, birthDate: new Date('2019-04-01T00:00:00Z'), street: parent.street, houseNumber: parent.houseNumber, postalCode: parent.postalCode, city: parent.city, email: parent.email, membershipType: 'FAMILY', familyHeadId: memberId },
  });
  const suffix = crypto.randomBytes(3).toString('hex').toUpperCase();
  const sickness = await prisma.claimCase.create({
    data: { memberId, type: 'SICKNESS_BENEFIT', reference: `KG-E2E-${suffix}`, receivedAt: addDays(new Date(), -58), federalState: 'BE', events: { create: [{ kind: 'RECEIVED', occurredAt: addDays(new Date(), -58) }] } },
  });
  const ref = sickness.reference;
  await applyCaseUpdate({ kind: 'sick-note', reference: ref, start: day(-60), end: day(-47), channel: 'EAU' }, addDays(new Date(), -59));
  await applyCaseUpdate({ kind: 'sick-note', reference: ref, start: day(-46), end: day(-33), channel: 'EAU' }, addDays(new Date(), -45));
  await applyCaseUpdate({ kind: 'payment', reference: ref, periodStart: day(-60), periodEnd: day(-47), dailyAmountCents: 9_850, paidOn: day(-30), ibanMasked: 'DE89 **** **** **** **30 00' }, addDays(new Date(), -30));
  await applyCaseUpdate({ kind: 'sick-note', reference: ref, start: day(-27), end: day(2), channel: 'UPLOAD', receivedAt: addDays(new Date(), -18).toISOString() }, addDays(new Date(), -18));
  const childCase = await prisma.claimCase.create({
    data: {
      memberId, type: 'CHILD_SICKNESS_BENEFIT', reference: `KKG-E2E-${suffix}`, receivedAt: addDays(new Date(), -4), childId: child.id, childName: `${child.firstName} ${child.lastName}`,
      periodStart: addDays(berlinDate(new Date()), -9), periodEnd: addDays(berlinDate(new Date()), -8), federalState: 'BE',
      events: { create: [{ kind: 'RECEIVED', occurredAt: addDays(new Date(), -4) }] },
    },
  });
  await applyCaseUpdate({ kind: 'documents-requested', reference: childCase.reference, documents: ['Ärztliche Bescheinigung (Seite 2)'] }, addDays(new Date(), -2));
  return { childId: child.id, childName: `${child.firstName} ${child.lastName}`, sicknessCaseId: sickness.id, childCaseId: childCase.id };
}

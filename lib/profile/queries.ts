import 'server-only';
import { prisma } from '@/lib/db';

/** The member's personal data with the family relations shown on the profile. */
export function getProfile(memberId: string) {
  return prisma.member.findUniqueOrThrow({
    where: { id: memberId },
    select: {
      kvnr: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      street: true,
      houseNumber: true,
      postalCode: true,
      city: true,
      country: true,
      phone: true,
      email: true,
      membershipType: true,
      level: true,
      familyHead: { select: { firstName: true, lastName: true } },
      familyMembers: { select: { firstName: true, lastName: true, birthDate: true }, orderBy: { birthDate: 'asc' } },
    },
  });
}

/** The new email address waiting for its confirmation, if any. */
export function pendingEmailChange(memberId: string) {
  return prisma.emailChangeRequest.findFirst({
    where: { memberId, confirmedAt: null, cancelledAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
    select: { newEmail: true, createdAt: true, expiresAt: true },
  });
}

/** The member's name changes, newest first (without the document's bytes). */
export function listNameChanges(memberId: string) {
  return prisma.nameChangeRequest.findMany({
    where: { memberId },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, firstName: true, lastName: true, reason: true, documentName: true, status: true, createdAt: true, decidedAt: true, decisionNote: true },
  });
}

/** For the admin queue: pending name changes, oldest first. */
export function pendingNameChanges(take = 50) {
  return prisma.nameChangeRequest.findMany({
    where: { status: 'PENDING' },
    orderBy: { createdAt: 'asc' },
    take,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      reason: true,
      documentName: true,
      documentType: true,
      createdAt: true,
      member: { select: { id: true, kvnr: true, firstName: true, lastName: true } },
    },
  });
}

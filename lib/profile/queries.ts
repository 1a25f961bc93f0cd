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
      phone: true,
      email: true,
      membershipType: true,
      level: true,
      familyHead: { select: { firstName: true, lastName: true } },
      familyMembers: { select: { firstName: true, lastName: true, birthDate: true }, orderBy: { birthDate: 'asc' } },
    },
  });
}

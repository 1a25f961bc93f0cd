import { prisma } from '@/lib/db';
import { randomKvnr } from '@/lib/testing/members';
import { notFound, testApiAllowed } from '@/lib/testing/test-api';

/**
 * Test-only: an insured person in the insurer's records without a login yet, whom a test can register
 * through the form (see lib/testing/test-api.ts).
 */
export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const kvnr = randomKvnr();
  const member = await prisma.member.create({
    data: {
      kvnr,
      firstName: 'Greta',
      lastName: `Neumann-${kvnr.slice(1, 5)}`,
      birthDate: new Date('1991-02-17T00:00:00Z'),
      street: 'Testweg',
      houseNumber: '7',
      postalCode: '20095',
      city: 'Hamburg',
      email: `${kvnr.toLowerCase()}@versicherte.example`,
      membershipType: 'COMPULSORY',
    },
  });
  return Response.json({ memberId: member.id, kvnr, firstName: member.firstName, lastName: member.lastName, birthDate: '1991-02-17' });
}

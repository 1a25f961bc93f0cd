import crypto from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { kvnrCheckDigit } from '@/lib/auth/kvnr';
import { prisma } from '@/lib/db';

const firstNames = ['Lena', 'Paul', 'Marie', 'Felix', 'Sophie', 'Lukas', 'Hannah', 'Jan', 'Elif', 'Tobias'];
const lastNames = ['Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Braun'];

/** A random, valid KVNR, so that tests never collide with each other or with the demo data. */
export function randomKvnr(): string {
  const letter = String.fromCharCode(65 + crypto.randomInt(26));
  const first9 = `${letter}${String(crypto.randomInt(1e8)).padStart(8, '0')}`;
  return `${first9}${kvnrCheckDigit(first9)}`;
}

type Options = { password?: string; level?: 'BASIC' | 'SMART'; locked?: boolean };

/** Creates an insured person with a login, as the tests' own seed. */
export async function createMember({ password = 'ein-langes-Test-Passwort', level = 'SMART', locked = false }: Options = {}) {
  const kvnr = randomKvnr();
  const member = await prisma.member.create({
    data: {
      kvnr,
      firstName: firstNames[crypto.randomInt(firstNames.length)] ?? 'Lena',
      lastName: lastNames[crypto.randomInt(lastNames.length)] ?? 'Becker',
      birthDate: new Date('1985-04-12T00:00:00Z'),
      street: 'Teststraße',
      houseNumber: '1',
      postalCode: '20095',
      city: 'Hamburg',
      email: `${kvnr.toLowerCase()}@example.test`,
      membershipType: 'COMPULSORY',
      level,
      account: { create: { passwordHash: await hashPassword(password), emailVerifiedAt: new Date(), lockedAt: locked ? new Date() : null } },
    },
  });
  return { member, kvnr, password };
}

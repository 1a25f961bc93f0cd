import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { seedClaims } from './claims';
import { seedInsurance } from './insurance';
import { seedMailbox } from './mailbox';
import { seedProfile } from './profile';

/** The password of every demo login (documented in the README). */
export const DEMO_PASSWORD = 'Demo-Passwort-2026';

type DemoMember = {
  kvnr: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  phone?: string;
  email: string;
  membershipType: 'COMPULSORY' | 'VOLUNTARY' | 'FAMILY' | 'PENSIONER' | 'STUDENT';
  level: 'BASIC' | 'SMART';
  smarthealthUnlocked?: boolean;
  familyHeadKvnr?: string;
  /** Members without a login stand for insured people who have not registered yet. */
  login: boolean;
};

// Realistic but invented people; the KVNRs carry valid check digits.
export const demoMembers: DemoMember[] = [
  { kvnr: 'B500000062', firstName: 'Jonas', lastName: 'Weber', birthDate: '1994-03-17', street: 'Lindenstraße', houseNumber: '12', postalCode: '22081', city: 'Hamburg', phone: '040 5551234', email: 'jonas.weber@example.de', membershipType: 'COMPULSORY', level: 'BASIC', login: true },
  { kvnr: 'S100000013', firstName: 'Anna', lastName: 'Schmidt', birthDate: '1987-11-02', street: 'Hauptstraße', houseNumber: '5a', postalCode: '10827', city: 'Berlin', phone: '030 5559876', email: 'anna.schmidt@example.de', membershipType: 'COMPULSORY', level: 'SMART', login: true },
  { kvnr: 'Y300000032', firstName: 'Mehmet', lastName: 'Yılmaz', birthDate: '1979-06-25', street: 'Königsallee', houseNumber: '48', postalCode: '40212', city: 'Düsseldorf', email: 'mehmet.yilmaz@example.de', membershipType: 'VOLUNTARY', level: 'SMART', smarthealthUnlocked: true, login: true },
  { kvnr: 'F400000045', firstName: 'Laura', lastName: 'Fischer', birthDate: '1990-01-09', street: 'Schloßstraße', houseNumber: '3', postalCode: '01067', city: 'Dresden', phone: '0351 5554321', email: 'laura.fischer@example.de', membershipType: 'COMPULSORY', level: 'SMART', login: true },
  { kvnr: 'F400000058', firstName: 'Emma', lastName: 'Fischer', birthDate: '2017-05-30', street: 'Schloßstraße', houseNumber: '3', postalCode: '01067', city: 'Dresden', email: 'laura.fischer@example.de', membershipType: 'FAMILY', level: 'BASIC', familyHeadKvnr: 'F400000045', login: false },
  { kvnr: 'W200000024', firstName: 'Günter', lastName: 'Wagner', birthDate: '1952-08-14', street: 'Am Markt', houseNumber: '1', postalCode: '28195', city: 'Bremen', phone: '0421 5550001', email: 'guenter.wagner@example.de', membershipType: 'PENSIONER', level: 'BASIC', login: false },
];

/** Idempotent: running it again leaves the same demo members and does not change passwords set since. */
export async function seedDemo(prisma: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const m of demoMembers) {
    const head = m.familyHeadKvnr ? await prisma.member.findUniqueOrThrow({ where: { kvnr: m.familyHeadKvnr } }) : null;
    const data = {
      firstName: m.firstName,
      lastName: m.lastName,
      birthDate: new Date(`${m.birthDate}T00:00:00Z`),
      street: m.street,
      houseNumber: m.houseNumber,
      postalCode: m.postalCode,
      city: m.city,
      phone: m.phone ?? null,
      email: m.email,
      membershipType: m.membershipType,
      level: m.level,
      smarthealthUnlocked: m.smarthealthUnlocked ?? false,
      familyHeadId: head?.id ?? null,
    };
    const member = await prisma.member.upsert({ where: { kvnr: m.kvnr }, create: { kvnr: m.kvnr, ...data }, update: data });
    if (m.login) {
      await prisma.account.upsert({
        where: { memberId: member.id },
        create: { memberId: member.id, passwordHash, emailVerifiedAt: new Date() },
        update: {},
      });
    }
  }
  await seedInsurance(prisma);
  await seedMailbox(prisma);
  await seedClaims(prisma);
  await seedProfile(prisma);
}

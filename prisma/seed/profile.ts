import type { PrismaClient } from '@/lib/generated/prisma/client';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Invented, realistic data: billed services (Patientenquittung) for the smarthealth demo member and a
// bank account history for the smart demo members.
const billedServices = [
  { kind: 'DOCTOR_VISIT', serviceDate: '2026-02-11', provider: 'Dr. med. Katrin Vogel, Allgemeinmedizin, Düsseldorf', description: 'Hausärztliche Untersuchung', amountCents: 4870 },
  { kind: 'PRESCRIPTION', serviceDate: '2026-02-11', provider: 'Rhein-Apotheke, Düsseldorf', description: 'Arzneimittel (Ibuprofen 600)', amountCents: 1735 },
  { kind: 'DOCTOR_VISIT', serviceDate: '2026-05-20', provider: 'Dr. med. Jörg Brandt, Orthopädie, Düsseldorf', description: 'Orthopädische Untersuchung mit Röntgen', amountCents: 9620 },
  { kind: 'PRESCRIPTION', serviceDate: '2026-05-22', provider: 'Physiotherapie am Hofgarten, Düsseldorf', description: 'Heilmittel: Krankengymnastik (6 Behandlungen)', amountCents: 15480 },
  { kind: 'HOSPITAL_STAY', serviceDate: '2025-09-08', endDate: '2025-09-11', provider: 'Universitätsklinikum Düsseldorf', description: 'Stationäre Behandlung (Knie-Arthroskopie)', amountCents: 412350 },
  { kind: 'DOCTOR_VISIT', serviceDate: '2025-03-03', provider: 'Dr. med. Katrin Vogel, Allgemeinmedizin, Düsseldorf', description: 'Vorsorgeuntersuchung (Check-up)', amountCents: 3560 },
] as const;

const bankAccounts: { kvnr: string; iban: string; accountHolder: string; validFrom: string; requestKey: string }[] = [
  { kvnr: 'S100000013', iban: 'DE02120300000000202051', accountHolder: 'Anna Schmidt', validFrom: '2019-10-01', requestKey: '3b0f0b8e-6a55-4b9e-9a55-0c5f4a0e0001' },
  { kvnr: 'Y300000032', iban: 'DE89370400440532013000', accountHolder: 'Mehmet Yılmaz', validFrom: '2021-04-01', requestKey: '3b0f0b8e-6a55-4b9e-9a55-0c5f4a0e0002' },
];

/** Idempotent: replaces the smarthealth demo data and adds the bank accounts once. */
export async function seedProfile(prisma: PrismaClient): Promise<void> {
  const mehmet = await prisma.member.findUnique({ where: { kvnr: 'Y300000032' }, select: { id: true } });
  if (mehmet) {
    await prisma.$transaction([
      prisma.billedService.deleteMany({ where: { memberId: mehmet.id } }),
      prisma.billedService.createMany({
        data: billedServices.map((s) => ({ memberId: mehmet.id, kind: s.kind, serviceDate: day(s.serviceDate), endDate: 'endDate' in s ? day(s.endDate) : null, provider: s.provider, description: s.description, amountCents: s.amountCents })),
      }),
    ]);
  }
  for (const account of bankAccounts) {
    const member = await prisma.member.findUnique({ where: { kvnr: account.kvnr }, select: { id: true } });
    if (!member) continue;
    await prisma.bankAccount.upsert({
      where: { memberId_requestKey: { memberId: member.id, requestKey: account.requestKey } },
      create: { memberId: member.id, iban: account.iban, accountHolder: account.accountHolder, validFrom: day(account.validFrom), requestKey: account.requestKey },
      update: {},
    });
  }
}

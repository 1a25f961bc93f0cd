import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databaseKind, prisma, readRows } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

function memberData(overrides: Partial<Prisma.MemberCreateInput> = {}): Prisma.MemberCreateInput {
  return {
    kvnr: `A${String(randomInt(0, 1e9)).padStart(9, '0')}`,
    firstName: 'Erika',
    lastName: 'Mustermann',
    birthDate: new Date('1964-08-12'),
    street: 'Heidestraße',
    houseNumber: '17',
    postalCode: '51147',
    city: 'Köln',
    email: 'erika@example.org',
    membershipType: 'COMPULSORY',
    ...overrides,
  };
}

describe('lib/db prisma', () => {
  it('uses the database the environment names', () => {
    expect(databaseKind()).toBe(process.env.DATABASE_URL ? 'postgresql' : 'pglite');
  });

  it('creates, reads, updates and deletes a member', async () => {
    const created = await prisma.member.create({ data: memberData({ firstName: 'Jürgen' }) });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.level).toBe('BASIC');
    expect(created.birthDate.toISOString()).toBe('1964-08-12T00:00:00.000Z');

    const found = await prisma.member.findUnique({ where: { kvnr: created.kvnr } });
    expect(found?.firstName).toBe('Jürgen');

    const updated = await prisma.member.update({ where: { id: created.id }, data: { level: 'SMART', city: 'Düsseldorf' } });
    expect(updated).toMatchObject({ level: 'SMART', city: 'Düsseldorf' });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());

    await prisma.member.delete({ where: { id: created.id } });
    expect(await prisma.member.findUnique({ where: { id: created.id } })).toBeNull();
  });

  it('maps a unique violation to P2002', async () => {
    const { kvnr } = await prisma.member.create({ data: memberData() });
    await expect(prisma.member.create({ data: memberData({ kvnr }) })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('rolls back a batch transaction that fails, and answers the next queries correctly', async () => {
    const existing = await prisma.member.create({ data: memberData({ lastName: 'Vorher' }) });
    const countBefore = await prisma.member.count();
    const fresh = memberData({ lastName: 'Neu' });

    await expect(
      prisma.$transaction([
        prisma.member.create({ data: fresh }),
        prisma.member.update({ where: { id: existing.id }, data: { lastName: 'Geändert' } }),
        prisma.member.create({ data: memberData({ kvnr: existing.kvnr }) }), // duplicate kvnr
      ]),
    ).rejects.toMatchObject({ code: 'P2002' });

    // prisma/orm#30374: after an error, later queries must get their own results, also in parallel.
    const [count, unchanged, notCreated, viaRaw] = await Promise.all([
      prisma.member.count(),
      prisma.member.findUniqueOrThrow({ where: { id: existing.id } }),
      prisma.member.findUnique({ where: { kvnr: fresh.kvnr } }),
      prisma.$queryRaw<{ last_name: string }[]>`SELECT "lastName" AS last_name FROM "Member" WHERE id = ${existing.id}::uuid`,
    ]);
    expect(count).toBe(countBefore);
    expect(unchanged.lastName).toBe('Vorher');
    expect(notCreated).toBeNull();
    expect(viaRaw).toEqual([{ last_name: 'Vorher' }]);

    // And a batch that succeeds still commits.
    const [account] = await prisma.$transaction([
      prisma.account.create({ data: { memberId: existing.id, passwordHash: '$argon2id$placeholder' } }),
      prisma.auditEvent.create({ data: { actorType: 'SYSTEM', action: 'test.batch', subjectMemberId: existing.id } }),
    ]);
    expect(await prisma.account.findUnique({ where: { memberId: existing.id } })).toMatchObject({ id: account.id });
  });
});

describe('lib/db readRows (straight to the driver)', () => {
  it('returns a member row with the types Prisma reads, in a time zone west of UTC too', async () => {
    const member = await prisma.member.create({ data: memberData() });
    const zone = process.env.TZ;
    // pg's own date parser would read 1964-08-12 as local midnight: the day before in UTC, west of it.
    process.env.TZ = 'America/New_York';
    try {
      const [row] = await readRows<Record<string, unknown>>(Prisma.sql`SELECT * FROM "Member" WHERE "id" = ${member.id}::uuid`);
      expect(row).toEqual(await prisma.member.findUniqueOrThrow({ where: { id: member.id } }));
      expect((row?.birthDate as Date).toISOString()).toBe('1964-08-12T00:00:00.000Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
      await prisma.member.delete({ where: { id: member.id } });
    }
  });

  it('passes parameters as values, never as SQL', async () => {
    const text = `x'; DROP TABLE "Member"; --`;
    const [row] = await readRows<{ echoed: string; n: number }>(Prisma.sql`SELECT ${text}::text AS "echoed", ${41}::int + 1 AS "n"`);
    expect(row).toEqual({ echoed: text, n: 42 });
  });
});

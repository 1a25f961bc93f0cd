import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { appendStaffAudit, recordStaffAudit, staffAuditHead, verifyStaffAuditChain } from '@/lib/audit/chain';

const staff = { id: '00000000-0000-4000-8000-000000000001', name: 'Frau Petersen' };

async function append(n: number, prefix = 'test.entry') {
  for (let i = 0; i < n; i += 1) await recordStaffAudit({ action: `${prefix}.${i}`, staff, target: `/postfach/${i}`, meta: { ip: '10.0.0.1', userAgent: 'vitest' } });
}

/** Runs a tampering step on a copy of the chain and restores it afterwards, so each case starts intact. */
async function tampered<T>(change: () => Promise<unknown>, check: () => Promise<T>): Promise<T> {
  const rows = await prisma.staffAuditEntry.findMany({ orderBy: { seq: 'asc' } });
  const head = await prisma.staffAuditHead.findUniqueOrThrow({ where: { id: 1 } });
  try {
    await change();
    return await check();
  } finally {
    await prisma.$transaction([prisma.staffAuditEntry.deleteMany({}), prisma.staffAuditEntry.createMany({ data: rows }), prisma.staffAuditHead.update({ where: { id: 1 }, data: head })]);
  }
}

describe('staff audit chain', () => {
  it('detects a changed, a deleted and a reordered entry and names the first broken one', async () => {
    await append(6);
    expect(await verifyStaffAuditChain()).toMatchObject({ ok: true, entries: 6 });

    // Changed: the target of entry 3 rewritten (its stored canonical text no longer matches).
    expect(await tampered(() => prisma.staffAuditEntry.update({ where: { seq: 3n }, data: { target: '/anderes' } }), () => verifyStaffAuditChain())).toMatchObject({ ok: false, brokenAt: '3', problem: 'content' });
    // Changed consistently (fields and canonical text): the hash gives it away.
    expect(
      await tampered(
        async () => {
          const row = await prisma.staffAuditEntry.findUniqueOrThrow({ where: { seq: 4n } });
          await prisma.staffAuditEntry.update({ where: { seq: 4n }, data: { target: '/x', canonical: row.canonical.replace('/postfach/3', '/x') } });
        },
        () => verifyStaffAuditChain(),
      ),
    ).toMatchObject({ ok: false, brokenAt: '4', problem: 'hash' });
    // Deleted: entry 2 gone.
    expect(await tampered(() => prisma.staffAuditEntry.delete({ where: { seq: 2n } }), () => verifyStaffAuditChain())).toMatchObject({ ok: false, brokenAt: '3', problem: 'sequence' });
    // Reordered: entries 4 and 5 swap places (their sequence numbers are swapped).
    expect(
      await tampered(
        () =>
          prisma.$transaction([
            prisma.staffAuditEntry.update({ where: { seq: 4n }, data: { seq: 1000n } }),
            prisma.staffAuditEntry.update({ where: { seq: 5n }, data: { seq: 4n } }),
            prisma.staffAuditEntry.update({ where: { seq: 1000n }, data: { seq: 5n } }),
          ]),
        () => verifyStaffAuditChain(),
      ),
    ).toMatchObject({ ok: false, brokenAt: '4', problem: 'link' });
    // The last entry deleted and the head rewound with it: found by the exported head.
    const exported = await staffAuditHead();
    expect(
      await tampered(
        async () => {
          const previous = await prisma.staffAuditEntry.findUniqueOrThrow({ where: { seq: 5n } });
          await prisma.staffAuditEntry.delete({ where: { seq: 6n } });
          await prisma.staffAuditHead.update({ where: { id: 1 }, data: { seq: 5n, hash: previous.hash, prevHash: previous.prevHash } });
        },
        async () => [await verifyStaffAuditChain(), await verifyStaffAuditChain(exported)],
      ),
    ).toMatchObject([{ ok: true }, { ok: false, brokenAt: '6', problem: 'exported_head' }]);
    // Only the tail deleted, head left: the head no longer matches the last entry.
    expect(await tampered(() => prisma.staffAuditEntry.delete({ where: { seq: 6n } }), () => verifyStaffAuditChain())).toMatchObject({ ok: false, problem: 'head' });

    expect(await verifyStaffAuditChain(exported)).toMatchObject({ ok: true, entries: 6 });
  });

  it('leaves one valid chain when many writers append at once', async () => {
    const before = await staffAuditHead();
    await Promise.all(Array.from({ length: 40 }, (_, i) => prisma.$transaction([appendStaffAudit({ action: 'test.concurrent', staff, target: String(i) })])));
    const check = await verifyStaffAuditChain();
    expect(check).toMatchObject({ ok: true });
    expect(Number((await staffAuditHead()).seq) - Number(before.seq)).toBe(40);
    expect(await prisma.staffAuditEntry.count({ where: { action: 'test.concurrent' } })).toBe(40);
  });
});

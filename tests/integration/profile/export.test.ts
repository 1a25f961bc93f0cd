import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { exportForDownload, requestDataExport, runPendingExports } from '@/lib/export/commands';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { closePdfPool } from '@/lib/pdf/pool';
import { createMember } from '../../helpers/members';
import { meta, sessionFor } from './helpers';
import { readZip } from '../../helpers/zip';

afterAll(closePdfPool);

describe('Meine Daten', () => {
  it('prepares the archive in the background: JSON, PDF summary and the letters; a notice when ready', async () => {
    const { member } = await createMember();
    await prisma.member.update({ where: { id: member.id }, data: { appCommunication: true } });
    await deliverLetter({ memberId: member.id, subject: 'Ihre Mitgliedsbescheinigung', category: 'MEMBERSHIP', pdf: (m) => ({ recipient: { name: m.firstName, street: m.street, city: m.city }, kvnr: m.kvnr, date: new Date(), subject: 'Ihre Mitgliedsbescheinigung', salutation: 'Guten Tag,', paragraphs: ['Text'] }) });
    await prisma.conversation.create({ data: { memberId: member.id, topic: 'GENERAL', subject: 'Frage zum Beitrag', messages: { create: { authorType: 'MEMBER', body: 'Wie hoch ist mein Beitrag?' } } } });

    const first = await requestDataExport(member.id, meta);
    expect(await requestDataExport(member.id, meta)).toEqual(first);
    expect(await runPendingExports()).toBeGreaterThanOrEqual(1);

    const row = await prisma.dataExport.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.status).toBe('READY');
    expect(row.expiresAt!.getTime() - row.readyAt!.getTime()).toBe(7 * 86_400_000);
    expect(await prisma.notification.count({ where: { memberId: member.id, kind: 'data_export_ready' } })).toBe(1);

    const files = readZip(Buffer.from(row.archive!));
    const json = JSON.parse(files.get('meine-daten.json')!.toString('utf8'));
    expect(json.member.kvnr).toBe(member.kvnr);
    expect(json.conversations[0].messages[0].body).toBe('Wie hoch ist mein Beitrag?');
    expect(json.letters[0].subject).toBe('Ihre Mitgliedsbescheinigung');
    expect(files.get('zusammenfassung.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    const letterFile = [...files.keys()].find((name) => name.startsWith('briefe/'));
    expect(letterFile).toMatch(/Ihre-Mitgliedsbescheinigung/);
    expect(files.get(letterFile!)!.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('is downloaded only with a fresh second factor, and another member\'s archive is not found', async () => {
    const { member } = await createMember();
    const { member: other } = await createMember();
    const { id } = await requestDataExport(member.id, meta);
    await runPendingExports();
    await expect(exportForDownload({ memberId: member.id, stepUpAt: null }, id, meta)).rejects.toMatchObject({ code: 'step_up_required' });
    const otherSession = await sessionFor(other.id, { stepUp: true });
    expect(await exportForDownload(otherSession, id, meta)).toBeNull();
    const own = await sessionFor(member.id, { stepUp: true });
    expect((await exportForDownload(own, id, meta))?.archive?.byteLength).toBeGreaterThan(100);
    // After seven days it is gone.
    await prisma.dataExport.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await exportForDownload(own, id, meta)).toBeNull();
  }, 60_000);
});

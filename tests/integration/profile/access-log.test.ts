import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import { accessLog } from '@/lib/audit/access-log';
import { createSession } from '@/lib/auth/session';
import { createMember } from '../../helpers/members';
import { meta } from './helpers';

describe('Zugriffsprotokoll', () => {
  it('lists the member\'s own logins with browser and address, and staff access with name, reason and what was viewed', async () => {
    const { member } = await createMember();
    const { member: other } = await createMember();
    await createSession(member.id, meta, { method: 'passkey' });
    await createSession(other.id, meta);
    await prisma.$transaction([
      auditEvent({ action: 'admin.member.viewed', actor: { type: 'STAFF', id: 'staff-3' }, subjectMemberId: member.id, details: { staffName: 'Petra Lange', reason: 'Rückruf zum Antrag', viewed: 'Versicherungszeiten' } }),
      auditEvent({ action: 'profile.phone.changed', actor: { type: 'MEMBER', id: member.id }, subjectMemberId: member.id }),
    ]);
    const log = await accessLog(member.id);
    expect(log).toHaveLength(2);
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'login', method: 'passkey', browser: 'Chrome 140', os: 'Linux', ip: meta.ip }),
        expect.objectContaining({ kind: 'staff', action: 'admin.member.viewed', staffName: 'Petra Lange', reason: 'Rückruf zum Antrag', viewed: 'Versicherungszeiten' }),
      ]),
    );
  });
});

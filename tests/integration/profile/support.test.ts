import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerSupportMessage, sendSupportMessage } from '@/lib/support/commands';
import { supportQueue } from '@/lib/admin/queues';
import { getSupportMessage, listSupportMessages } from '@/lib/support/queries';
import { createMember } from '../../helpers/members';
import { meta } from './helpers';

const technicalData = { version: '0.1.0', build: 'abc123', browser: 'Chrome 140', os: 'Linux', deviceType: 'Computer', screen: '1280 × 720 px, 1×', language: 'de-DE', timeZone: 'Europe/Berlin', connection: 'online, 4g' };

describe('Nachricht an den App-Support', () => {
  it('with the box ticked, stores the KVNR from the member record and exactly the technical data shown', async () => {
    const { member } = await createMember();
    const requestKey = crypto.randomUUID();
    const input = { subject: 'Postfach lädt nicht', text: 'Beim Öffnen des Postfachs bleibt die Seite weiß.', attach: true, technicalData, requestKey };
    const sent = await sendSupportMessage(member.id, input, meta);
    expect(sent.ok).toBe(true);
    // A double submit creates one message.
    expect(await sendSupportMessage(member.id, input, meta)).toEqual(sent);
    expect(await listSupportMessages(member.id)).toHaveLength(1);
    const stored = await getSupportMessage(member.id, sent.ok ? sent.id : '');
    expect(stored).toMatchObject({ kvnr: member.kvnr, technicalData, status: 'OPEN' });
  });

  it('without the box, nothing but subject and text is stored', async () => {
    const { member } = await createMember();
    const sent = await sendSupportMessage(member.id, { subject: 'Frage', text: 'Wie ändere ich die Sprache?', attach: false, technicalData, requestKey: crypto.randomUUID() }, meta);
    const stored = await getSupportMessage(member.id, sent.ok ? sent.id : '');
    expect(stored).toMatchObject({ kvnr: null, technicalData: null });
  });

  it('refuses a short text with a field error', async () => {
    const { member } = await createMember();
    const result = await sendSupportMessage(member.id, { subject: 'Hi', text: 'kurz', attach: false, technicalData: null, requestKey: crypto.randomUUID() }, meta);
    expect(result).toEqual({ ok: false, errors: { subject: ['subject'], text: ['text'] } });
  });

  it('lands in the staff queue; the answer is shown to the member; another member gets not found', async () => {
    const { member } = await createMember();
    const { member: other } = await createMember();
    const sent = await sendSupportMessage(member.id, { subject: 'Anmeldung', text: 'Mein Passkey wird nicht erkannt.', attach: false, technicalData: null, requestKey: crypto.randomUUID() }, meta);
    const id = sent.ok ? sent.id : '';
    expect((await supportQueue.list()).map((m) => m.id)).toContain(id);
    expect(await answerSupportMessage({ messageId: id, staffId: 'staff-7', text: 'Bitte legen Sie den Passkey neu an.' }, meta)).toBe('ok');
    const answered = await getSupportMessage(member.id, id);
    expect(answered).toMatchObject({ status: 'ANSWERED', answers: [{ authorStaffId: 'staff-7', text: 'Bitte legen Sie den Passkey neu an.' }] });
    expect(await getSupportMessage(other.id, id)).toBeNull();
    expect(await getSupportMessage(other.id, 'keine-id')).toBeNull();
  });
});

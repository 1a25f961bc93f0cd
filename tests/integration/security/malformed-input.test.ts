import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { pkceChallenge } from '@/lib/identity/crypto';
import { startTransaction } from '@/lib/identity/simulator/authorize';
import { finishTransaction, submitEidPin, unblockWithPuk, type FinishChoice } from '@/lib/identity/simulator/flow';
import { reportNotMe } from '@/lib/security/notices';
import { registerPasskey } from '@/lib/security/passkeys';
import { endMemberSession } from '@/lib/security/sessions';
import { createMember } from '../../helpers/members';

// Server actions are endpoints: a caller can send any value for any argument, not only what the form sends.
// A malformed value must get the same "not found" as a foreign one, never an unhandled error (a 500).

const meta = { ip: '198.51.100.40', userAgent: 'vitest' };

describe('the security page\'s actions with malformed ids', () => {
  it('ending a session that is no session id finds nothing', async () => {
    const { member } = await createMember();
    expect(await endMemberSession(member.id, 'nicht-eine-id', meta)).toBe('not_found');
  });

  it('"Das war ich nicht" for a notice that is no id finds nothing and ends no session', async () => {
    const { member } = await createMember();
    await prisma.session.create({ data: { memberId: member.id, tokenHash: `h-${member.id}`, expiresAt: new Date(Date.now() + 3600_000) } });
    expect(await reportNotMe(member.id, "' OR 1=1 --", meta)).toBe('not_found');
    expect(await prisma.session.count({ where: { memberId: member.id, revokedAt: null } })).toBe(1);
  });

  it('a passkey name that is not a string is treated as none', async () => {
    const { member } = await createMember();
    expect(await registerPasskey({ memberId: member.id, stepUpAt: new Date() }, { response: {}, name: 42 as unknown as string }, meta)).toEqual({ ok: false, error: 'failed' });
  });
});

describe('the simulated provider\'s actions with malformed input', () => {
  async function transaction(provider: 'nect' | 'gesundheitsid', loginHint?: string) {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: 'hek-smart-portal',
      redirect_uri: `${env().origin}/api/identity/callback`,
      scope: 'openid',
      state: 's'.repeat(20),
      nonce: 'n'.repeat(20),
      code_challenge: pkceChallenge('v'.repeat(50)),
      code_challenge_method: 'S256',
      ...(loginHint ? { login_hint: loginHint } : {}),
    });
    const started = await startTransaction(provider, query);
    if (!started.ok) throw new Error('authorize failed');
    return started.transactionId;
  }

  it('a transaction id that is no id is an expired transaction', async () => {
    expect(await finishTransaction('nect', 'kein-vorgang', { outcome: 'success', variant: 'record' })).toEqual({ ok: false, error: 'expired' });
    expect(await submitEidPin('kein-vorgang', '123456', meta)).toEqual({ status: 'expired' });
    expect(await unblockWithPuk('kein-vorgang', '1234567890')).toBe('expired');
  });

  it('a choice that is not the panel\'s shape ends the transaction as cancelled, without a code', async () => {
    const { kvnr } = await createMember();
    const id = await transaction('nect', kvnr);
    const finished = await finishTransaction('nect', id, null as unknown as FinishChoice);
    expect(finished.ok).toBe(true);
    const redirect = new URL(finished.ok ? finished.redirectTo : '');
    expect(redirect.searchParams.get('error_description')).toBe('cancelled');
    expect(redirect.searchParams.get('code')).toBeNull();
  });

  it('a typed KVNR that is not a string gives no identity', async () => {
    const id = await transaction('gesundheitsid');
    const finished = await finishTransaction('gesundheitsid', id, { outcome: 'success', variant: 'record', kvnr: 42 as unknown as string });
    expect(finished.ok && new URL(finished.redirectTo).searchParams.get('code')).toBeFalsy();
  });
});

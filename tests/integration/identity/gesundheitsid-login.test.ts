import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { hashToken } from '@/lib/auth/session';
import { completeGesundheitsIdLogin, startGesundheitsIdLogin } from '@/lib/identity/gesundheitsid-login';
import { startTransaction } from '@/lib/identity/simulator/authorize';
import { finishTransaction } from '@/lib/identity/simulator/flow';
import type { IdentityVariant } from '@/lib/identity/simulator/options';
import { createMember, randomKvnr } from '../../helpers/members';
import { meta, simulatorFetch } from './helpers';

async function loginAt(kvnr: string, variant: IdentityVariant = 'record') {
  const { authorizeUrl, bindingCookie } = await startGesundheitsIdLogin(meta, { fetch: simulatorFetch() });
  const tx = await startTransaction('gesundheitsid', new URL(authorizeUrl).searchParams);
  if (!tx.ok) throw new Error('authorize failed');
  const finished = await finishTransaction('gesundheitsid', tx.transactionId, { outcome: 'success', variant, kvnr });
  if (!finished.ok) throw new Error(finished.error);
  const back = new URL(finished.redirectTo).searchParams;
  return { answer: { state: back.get('state') ?? '', code: back.get('code') }, binding: bindingCookie.value };
}

describe('login with GesundheitsID', () => {
  it('opens a session for the member with that KVNR, in the browser that started it only', async () => {
    const { member, kvnr } = await createMember();
    const stolen = await loginAt(kvnr);
    expect(await completeGesundheitsIdLogin(stolen.answer, 'another-browsers-cookie', meta, { fetch: simulatorFetch() })).toEqual({ ok: false, error: 'invalid_state' });

    const { answer, binding } = await loginAt(kvnr);
    const result = await completeGesundheitsIdLogin(answer, binding, meta, { fetch: simulatorFetch() });
    if (!result.ok) throw new Error(result.error);
    if (!('token' in result)) throw new Error('a login opened no session');
    const session = await prisma.session.findUniqueOrThrow({ where: { tokenHash: hashToken(result.token) } });
    expect(session).toMatchObject({ memberId: member.id, boundDeviceId: null });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { subjectMemberId: member.id, action: 'auth.login.success' } });
    expect(audit.details).toMatchObject({ method: 'gesundheitsid' });
    // The same answer a second time: the state is used up.
    expect(await completeGesundheitsIdLogin(answer, binding, meta, { fetch: simulatorFetch() })).toEqual({ ok: false, error: 'invalid_state' });
  });

  it('refuses a person without a login, a mismatching identity and a cancelled login', async () => {
    const { kvnr } = await createMember();
    const nobody = await loginAt(randomKvnr());
    expect(await completeGesundheitsIdLogin(nobody.answer, nobody.binding, meta, { fetch: simulatorFetch() })).toEqual({ ok: false, error: 'no_account' });
    const other = await loginAt(kvnr, 'wrong_birthdate');
    expect(await completeGesundheitsIdLogin(other.answer, other.binding, meta, { fetch: simulatorFetch() })).toEqual({ ok: false, error: 'failed' });
    const { binding, answer } = await loginAt(kvnr);
    expect(await completeGesundheitsIdLogin({ state: answer.state, error: 'access_denied', errorDescription: 'cancelled' }, binding, meta)).toEqual({ ok: false, error: 'cancelled' });
  });

  it('does not count answers that belong to no open hand-off of this browser towards the login pause', async () => {
    const { member, kvnr } = await createMember();
    const here = { ...meta, ip: '203.0.113.91' };
    for (let i = 0; i < env().LOGIN_MAX_ATTEMPTS * 10 + 1; i++) {
      expect(await completeGesundheitsIdLogin({ state: `forged-${i}`, code: 'x' }, 'a-cookie', here)).toEqual({ ok: false, error: 'invalid_state' });
    }
    const { answer, binding } = await loginAt(kvnr);
    expect(await completeGesundheitsIdLogin(answer, binding, here, { fetch: simulatorFetch() })).toMatchObject({ ok: true, memberId: member.id });
  });
});

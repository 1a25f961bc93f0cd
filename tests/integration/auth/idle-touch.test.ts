import { afterEach, describe, expect, it, vi } from 'vitest';

// A one-minute idle time, read once by env(): set before anything reads the configuration.
vi.hoisted(() => {
  process.env.SESSION_IDLE_MINUTES = '1';
});

const { encode } = await import('next-auth/jwt');
const { env } = await import('@/lib/config/env');
const { loginWithPassword } = await import('@/lib/auth/login');
const { resolveSession, touchIntervalMs } = await import('@/lib/auth/session');
const { createMember } = await import('../../helpers/members');

afterEach(() => {
  vi.useRealTimers();
});

describe('idle timeout accounting', () => {
  it('touches a session at most every half idle time', () => {
    expect(touchIntervalMs(1)).toBe(30_000);
    expect(touchIntervalMs(15)).toBe(60_000);
    expect(touchIntervalMs()).toBeLessThanOrEqual((env().SESSION_IDLE_MINUTES * 60_000) / 2);
  });

  it('with a one-minute idle time, a request every 25 s keeps the session alive', async () => {
    expect(env().SESSION_IDLE_MINUTES).toBe(1);
    const { kvnr, password } = await createMember();
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const result = await loginWithPassword({ kvnr, password }, { ip: '203.0.113.99', userAgent: 'vitest' });
    if (!result.ok) throw new Error('login failed');
    const cookie = await encode({ token: { sid: result.token }, secret: env().authSecret });
    for (let seconds = 25; seconds <= 200; seconds += 25) {
      vi.setSystemTime(start + seconds * 1000);
      expect({ seconds, status: (await resolveSession(cookie)).status }).toEqual({ seconds, status: 'active' });
    }
    // And without requests it still ends after the idle time.
    vi.setSystemTime(start + 200_000 + 61_000);
    expect((await resolveSession(cookie)).status).toBe('idle');
  });
});

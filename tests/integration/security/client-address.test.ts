import { describe, expect, it } from 'vitest';
import { loginWithPassword } from '@/lib/auth/login';
import { verifyCode } from '@/lib/certificates/verify';
import { env } from '@/lib/config/env';
import { requestMetaFrom } from '@/lib/http/request-meta';
import { SOCKET_ADDRESS_HEADER } from '@/lib/http/socket-address';
import { randomKvnr } from '../../helpers/members';

// The portal behind one reverse proxy (TRUSTED_PROXY_HOPS=1) that appends the address it saw; the proxy's
// own connection comes from 10.0.0.1.
const behindProxy = (clientSent: string, proxySaw: string) =>
  new Headers({ 'x-forwarded-for': `${clientSent}, ${proxySaw}`, 'user-agent': 'vitest', [SOCKET_ADDRESS_HEADER]: '10.0.0.1' });
const oneProxy = (headers: Headers | Record<string, string>) => requestMetaFrom(headers, 1);

describe('the client address without a proxy (TRUSTED_PROXY_HOPS=0, the default)', () => {
  it('is the connection\'s own address; X-Forwarded-For written by the client is ignored', () => {
    expect(env().TRUSTED_PROXY_HOPS).toBe(0);
    const direct = (xff: string) => new Headers({ 'x-forwarded-for': xff, [SOCKET_ADDRESS_HEADER]: '::ffff:198.51.100.70' });
    expect(requestMetaFrom(direct('203.0.113.1')).ip).toBe('198.51.100.70');
    expect(requestMetaFrom(direct('203.0.113.1, 203.0.113.2')).ip).toBe('198.51.100.70');
  });

  it('51 failed logins with a new X-Forwarded-For each are still limited by the socket address', async () => {
    const direct = (i: number) => requestMetaFrom(new Headers({ 'x-forwarded-for': `203.0.113.${i}`, [SOCKET_ADDRESS_HEADER]: '198.51.100.71' }));
    for (let i = 0; i < 50; i++) {
      expect(await loginWithPassword({ kvnr: randomKvnr(), password: 'geraten-123' }, direct(i))).toEqual({ ok: false, error: 'invalid_credentials' });
    }
    expect(await loginWithPassword({ kvnr: randomKvnr(), password: 'geraten-123' }, direct(222))).toMatchObject({ ok: false, error: 'rate_limited' });
  });
});

describe('the client address behind the proxy', () => {
  it('is the entry the proxy appended, not one the client sent', () => {
    expect(oneProxy(behindProxy('203.0.113.66', '198.51.100.7')).ip).toBe('198.51.100.7');
    expect(oneProxy({ 'x-forwarded-for': '10.9.9.9, 1.2.3.4, 198.51.100.8' }).ip).toBe('198.51.100.8');
    expect(oneProxy(new Headers({ 'x-forwarded-for': '198.51.100.9' })).ip).toBe('198.51.100.9');
    // Two proxies (a CDN, then a load balancer): the CDN's entry is the client's address.
    expect(requestMetaFrom(new Headers({ 'x-forwarded-for': '203.0.113.66, 198.51.100.10, 10.0.0.2' }), 2).ip).toBe('198.51.100.10');
  });

  it('a new made-up X-Forwarded-For on each request does not escape the public verification limit', async () => {
    for (let i = 0; i < 10; i++) {
      const { ip } = oneProxy(behindProxy(`203.0.113.${i}`, '198.51.100.30'));
      expect((await verifyCode(`WRONG${i}`, ip)).status).toBe('unknown');
    }
    const { ip } = oneProxy(behindProxy('203.0.113.99', '198.51.100.30'));
    expect((await verifyCode('ABCD-EFGH-JKMN', ip)).status).toBe('rate_limited');
  });

  it('nor the login limit per address across many KVNRs (credential stuffing)', async () => {
    // LOGIN_MAX_ATTEMPTS (5) × 10 per address.
    for (let i = 0; i < 50; i++) {
      const result = await loginWithPassword({ kvnr: randomKvnr(), password: 'geraten-123' }, oneProxy(behindProxy(`203.0.113.${i}`, '198.51.100.31')));
      expect(result).toEqual({ ok: false, error: 'invalid_credentials' });
    }
    const next = await loginWithPassword({ kvnr: randomKvnr(), password: 'geraten-123' }, oneProxy(behindProxy('203.0.113.200', '198.51.100.31')));
    expect(next).toMatchObject({ ok: false, error: 'rate_limited' });
  });
});

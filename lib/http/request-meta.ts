import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/config/env';
import { SOCKET_ADDRESS_HEADER } from './socket-address';

export type RequestMeta = { ip: string | null; userAgent: string | null };

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(source: HeaderSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === 'function') return (source as Headers).get(name);
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * IP and user agent for rate limits and the audit log. Without a trusted proxy (TRUSTED_PROXY_HOPS=0, the
 * default) the address is the connection's own, and X-Forwarded-For, which any client can write, is
 * ignored. Behind N proxies, each appending to X-Forwarded-For, it is the entry the outermost of ours
 * added (N from the right), never one further left.
 */
export function requestMetaFrom(source: HeaderSource, trustedProxyHops = env().TRUSTED_PROXY_HOPS): RequestMeta {
  const socket = read(source, SOCKET_ADDRESS_HEADER) || null;
  let ip = socket;
  if (trustedProxyHops > 0) {
    const chain = (read(source, 'x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
    ip = chain[Math.max(0, chain.length - trustedProxyHops)] || socket;
  }
  const userAgent = read(source, 'user-agent');
  return { ip: ip ? ip.replace(/^::ffff:/, '').slice(0, 64) : null, userAgent: userAgent ? userAgent.slice(0, 512) : null };
}

export async function requestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}

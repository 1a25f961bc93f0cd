import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/config/env';

export type RequestMeta = { ip: string | null; userAgent: string | null };

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(source: HeaderSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === 'function') return (source as Headers).get(name);
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * IP and user agent for rate limits and the audit log. Every proxy appends to X-Forwarded-For, and a client
 * can send the header with any addresses in it: so the address is the entry our own proxies added
 * (TRUSTED_PROXY_HOPS from the right), never the first one.
 */
export function requestMetaFrom(source: HeaderSource, trustedProxyHops = env().TRUSTED_PROXY_HOPS): RequestMeta {
  const chain = (read(source, 'x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const forwarded = chain[Math.max(0, chain.length - trustedProxyHops)];
  const ip = forwarded || read(source, 'x-real-ip') || null;
  const userAgent = read(source, 'user-agent');
  return { ip: ip ? ip.slice(0, 64) : null, userAgent: userAgent ? userAgent.slice(0, 512) : null };
}

export async function requestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}

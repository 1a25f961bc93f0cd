import 'server-only';
import { headers } from 'next/headers';

export type RequestMeta = { ip: string | null; userAgent: string | null };

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(source: HeaderSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === 'function') return (source as Headers).get(name);
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** IP and user agent for the audit log. The first X-Forwarded-For entry is the client behind our proxy. */
export function requestMetaFrom(source: HeaderSource): RequestMeta {
  const forwarded = read(source, 'x-forwarded-for')?.split(',')[0]?.trim();
  const ip = forwarded || read(source, 'x-real-ip') || null;
  const userAgent = read(source, 'user-agent');
  return { ip: ip ? ip.slice(0, 64) : null, userAgent: userAgent ? userAgent.slice(0, 512) : null };
}

export async function requestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}

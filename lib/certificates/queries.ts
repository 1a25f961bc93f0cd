import 'server-only';
import { prisma } from '@/lib/db';

/** The member's issued certificates, newest first. */
export function listCertificates(memberId: string) {
  return prisma.certificate.findMany({ where: { memberId }, orderBy: { issuedAt: 'desc' }, take: 50 });
}

/** One of the member's certificates; null for an id that is not theirs (the caller answers 404). */
export function findCertificate(memberId: string, id: string) {
  if (!isUuid(id)) return Promise.resolve(null);
  return prisma.certificate.findFirst({ where: { id, memberId } });
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

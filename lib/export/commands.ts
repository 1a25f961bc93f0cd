import 'server-only';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import type { ActiveSession } from '@/lib/auth/session';
import { requireStepUp } from '@/lib/auth/step-up';
import { securityNoticeOps } from '@/lib/security/notices';
import type { RequestMeta } from '@/lib/http/request-meta';
import { buildArchive } from './archive';

/** How long a finished archive can be downloaded. */
export const EXPORT_DAYS = 7;
/** A claim older than this counts as abandoned (the instance died) and is taken again. */
const CLAIM_TIMEOUT_MS = 10 * 60_000;
const MAX_ATTEMPTS = 3;

/**
 * "Meine Daten anfordern": one click queues an archive; a second click while one is being prepared
 * does not queue another. The work runs in the background (runPendingExports).
 */
export async function requestDataExport(memberId: string, meta: RequestMeta): Promise<{ id: string }> {
  const open = await prisma.dataExport.findFirst({ where: { memberId, status: { in: ['PENDING', 'RUNNING'] } }, select: { id: true } });
  if (open) return open;
  const [created] = await prisma.$transaction([
    prisma.dataExport.create({ data: { memberId }, select: { id: true } }),
    auditEvent({ action: 'export.requested', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta }),
  ]);
  return created;
}

/** Takes one waiting (or abandoned) job with a single conditional update, so two instances never both build it. */
async function claimNext(): Promise<{ id: string; memberId: string } | null> {
  const stale = new Date(Date.now() - CLAIM_TIMEOUT_MS);
  const candidate = await prisma.dataExport.findFirst({
    where: { attempts: { lt: MAX_ATTEMPTS }, OR: [{ status: 'PENDING' }, { status: 'RUNNING', claimedAt: { lt: stale } }] },
    orderBy: { requestedAt: 'asc' },
    select: { id: true, memberId: true, status: true, claimedAt: true },
  });
  if (!candidate) return null;
  const claimed = await prisma.dataExport.updateMany({
    where: { id: candidate.id, status: candidate.status, claimedAt: candidate.claimedAt },
    data: { status: 'RUNNING', claimedAt: new Date(), attempts: { increment: 1 } },
  });
  return claimed.count === 1 ? { id: candidate.id, memberId: candidate.memberId } : claimNext();
}

/** Builds every waiting archive; the member gets a notice when theirs is ready. Returns how many were built. */
export async function runPendingExports(): Promise<number> {
  let built = 0;
  for (let job = await claimNext(); job; job = await claimNext()) {
    try {
      const archive = await buildArchive(job.memberId);
      const now = new Date();
      await prisma.$transaction([
        prisma.dataExport.update({
          where: { id: job.id },
          data: { status: 'READY', archive: new Uint8Array(archive), size: archive.byteLength, readyAt: now, expiresAt: new Date(now.getTime() + EXPORT_DAYS * 86_400_000), error: null },
        }),
        auditEvent({ action: 'export.ready', actor: { type: 'SYSTEM' }, subjectMemberId: job.memberId, details: { exportId: job.id } }),
        ...(await securityNoticeOps(job.memberId, 'data_export_ready', { ip: null, userAgent: null })),
      ]);
      built++;
    } catch (error) {
      const attempts = (await prisma.dataExport.findUnique({ where: { id: job.id }, select: { attempts: true } }))?.attempts ?? MAX_ATTEMPTS;
      await prisma.dataExport.update({
        where: { id: job.id },
        data: { status: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING', error: error instanceof Error ? error.message.slice(0, 500) : 'failed' },
      });
    }
  }
  return built;
}

let running: Promise<number> | null = null;

/** Starts the background run in this instance unless one is under way (called after a request, and by pages). */
export function kickExports(): void {
  running ??= runPendingExports()
    .catch(() => 0)
    .finally(() => {
      running = null;
    });
}

/**
 * The archive for download: the member's own, ready and not expired, and only with a fresh second factor
 * (throws step_up_required). Another member's id is null, as is an expired one.
 */
export async function exportForDownload(session: Pick<ActiveSession, 'memberId' | 'stepUpAt'>, id: string, meta: RequestMeta) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const where = { id, memberId: session.memberId, status: 'READY' as const, expiresAt: { gt: new Date() } };
  // Another member's id (or none) is not found before anything else: the step-up is asked for the member's own archive only.
  if (!(await prisma.dataExport.findFirst({ where, select: { id: true } }))) return null;
  requireStepUp(session);
  const row = await prisma.dataExport.findFirst({ where, select: { id: true, archive: true, size: true, readyAt: true } });
  if (!row?.archive) return null;
  await prisma.$transaction([auditEvent({ action: 'export.downloaded', actor: { type: 'MEMBER', id: session.memberId }, subjectMemberId: session.memberId, meta, details: { exportId: row.id } })]);
  return row;
}

import { requireMember } from '@/lib/auth/session';
import { appErrorResponse } from '@/lib/errors/app-error';
import { exportForDownload } from '@/lib/export/commands';
import { fileResponse } from '@/lib/files/download';
import { requestMeta } from '@/lib/http/request-meta';

/** The member's own ready archive, with a fresh second factor (403 step_up_required without); 404 otherwise. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await requireMember();
  const { id } = await params;
  try {
    const row = await exportForDownload(session, id, await requestMeta());
    if (!row?.archive) return new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
    const date = (row.readyAt ?? new Date()).toISOString().slice(0, 10);
    return fileResponse({ data: row.archive, contentType: 'application/zip', size: row.archive.byteLength }, `HEK-Meine-Daten-${date}.zip`, 'attachment');
  } catch (error) {
    return appErrorResponse(error);
  }
}

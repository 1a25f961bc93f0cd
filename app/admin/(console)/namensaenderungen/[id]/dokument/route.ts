import { env } from '@/lib/config/env';
import { nameChangeQueue } from '@/lib/admin/queues';
import { fileResponse } from '@/lib/files/download';
import { requestMeta } from '@/lib/http/request-meta';
import { getStaffSession } from '@/lib/staff/session';

/** The document a member sent with a pending name change, for staff only; viewing it is audited. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const session = await getStaffSession();
  if (!session) return Response.redirect(new URL('/admin/login', env().origin), 303);
  const { id } = await context.params;
  const request = await nameChangeQueue.document(session, id, await requestMeta());
  if (!request) return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  const data = new Uint8Array(request.documentData);
  return fileResponse({ data, contentType: request.documentType, size: data.byteLength }, request.documentName, 'attachment');
}

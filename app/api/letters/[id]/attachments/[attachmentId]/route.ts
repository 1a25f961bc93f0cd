import { fileResponse } from '@/lib/files/download';
import { requireSmartMember } from '@/lib/mailbox/access';
import { getAttachment } from '@/lib/mailbox/queries';


/** A file the member sent with a reply or submission; always a download (it came from outside). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { memberId } = await requireSmartMember();
  const { id, attachmentId } = await params;
  const attachment = await getAttachment(memberId, id, attachmentId);
  if (!attachment) return new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return fileResponse(attachment.file, attachment.fileName, 'attachment');
}

import { AppError } from '@/lib/errors/app-error';
import { withAppErrors } from '@/lib/errors/route';
import { fileResponse } from '@/lib/files/download';
import { requireSmartMember } from '@/lib/auth/access';
import { getAttachment } from '@/lib/mailbox/queries';

/** A file the member sent with a reply or submission; always a download (it came from outside). */
export const GET = withAppErrors(async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { memberId } = await requireSmartMember();
  const { id, attachmentId } = await params;
  const attachment = await getAttachment(memberId, id, attachmentId);
  if (!attachment) throw new AppError('not_found');
  return fileResponse(attachment.file, attachment.fileName, 'attachment');
});

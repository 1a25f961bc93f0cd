import { AppError } from '@/lib/errors/app-error';
import { withAppErrors } from '@/lib/errors/route';
import { fileResponse } from '@/lib/files/download';
import { requireSmartMember } from '@/lib/auth/access';
import { getLetterPdf } from '@/lib/mailbox/queries';

/** The PDF of one of the member's letters: ?download=1 to save it, inline for the viewer. */
export const GET = withAppErrors(async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { memberId } = await requireSmartMember();
  const { id } = await params;
  const letter = await getLetterPdf(memberId, id);
  if (!letter) throw new AppError('not_found');
  const day = letter.deliveredAt.toISOString().slice(0, 10);
  const name = `HEK ${day} ${letter.subject}`.replace(/[^\p{L}\p{N} ._-]/gu, '').trim();
  const download = new URL(request.url).searchParams.get('download') === '1';
  return fileResponse(letter.file, `${name}.pdf`, download ? 'attachment' : 'inline');
});

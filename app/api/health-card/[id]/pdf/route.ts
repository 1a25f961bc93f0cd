import { AppError } from '@/lib/errors/app-error';
import { withAppErrors } from '@/lib/errors/route';
import { requireSmartMember } from '@/lib/auth/access';
import { replacementPdf } from '@/lib/health-card/document';
import { pdfHeaders } from '@/lib/pdf/pool';

/** The PDF of one of the member's ready replacement certificates; 404 for any other id. */
export const GET = withAppErrors(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await requireSmartMember();
  const { id } = await params;
  const result = await replacementPdf(session.memberId, id);
  if (!result) throw new AppError('not_found');
  return new Response(result.pdf, { headers: pdfHeaders(result.filename, result.sha256) });
});

import { smartAccess } from '@/lib/auth/access';
import { requireMember } from '@/lib/auth/session';
import { renderReplacementPdf } from '@/lib/health-card/document';
import { pdfHeaders } from '@/lib/pdf/pool';

/** The PDF of one of the member's ready replacement certificates; 404 for any other id. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await requireMember();
  if (!smartAccess(session).ok) return new Response('Forbidden', { status: 403 });
  const { id } = await params;
  const result = await renderReplacementPdf(session.memberId, id);
  if (!result) return new Response('Not Found', { status: 404 });
  return new Response(Buffer.from(result.pdf), { headers: pdfHeaders(result.filename) });
}

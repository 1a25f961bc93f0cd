import { pdfHeaders } from '@/lib/pdf/pool';
import { requireSmarthealthMember } from '@/lib/smarthealth/access';
import { renderReceiptPdf } from '@/lib/smarthealth/document';
import { receiptFilterSchema } from '@/lib/smarthealth/schema';

/** The Patientenquittung as PDF; anyone without smarthealth (Robo-Ident included) gets a 404. */
export async function GET(request: Request) {
  const { memberId } = await requireSmarthealthMember();
  const url = new URL(request.url);
  const filter = receiptFilterSchema.parse({ year: url.searchParams.get('year') ?? undefined, kind: url.searchParams.get('kind') ?? undefined });
  const pdf = await renderReceiptPdf(memberId, filter);
  return new Response(new Uint8Array(pdf), { headers: pdfHeaders(`HEK-Patientenquittung${filter.year ? `-${filter.year}` : ''}.pdf`) });
}

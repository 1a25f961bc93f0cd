import { requireMember } from '@/lib/auth/session';
import { findForm } from '@/lib/downloads/forms';
import { renderFormPdf } from '@/lib/downloads/render';

/** One of the insurer's forms as a PDF. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await requireMember();
  const { slug } = await params;
  const form = findForm(slug);
  if (!form) return new Response('Not Found', { status: 404 });
  const pdf = await renderFormPdf(form);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.byteLength),
      'Content-Disposition': `attachment; filename="${form.code}-${form.slug}.pdf"`,
      // The same public form for everyone; no personal data in it.
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

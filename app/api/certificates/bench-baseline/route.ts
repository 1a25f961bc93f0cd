import { requireMember } from '@/lib/auth/session';
import { env } from '@/lib/config/env';
import { pdfHeaders, renderBaselinePdf } from '@/lib/pdf/pool';

/**
 * The benchmark's baseline (scripts/bench/certificates.ts): a one-line PDF through the same worker pool
 * and the same authentication as a certificate. Exists only when the portal runs with BENCH_ROUTES=1.
 */
export async function GET() {
  if (env().BENCH_ROUTES !== '1') return new Response('Not Found', { status: 404 });
  await requireMember();
  const pdf = await renderBaselinePdf('HEK');
  return new Response(Buffer.from(pdf), { headers: pdfHeaders('baseline.pdf') });
}

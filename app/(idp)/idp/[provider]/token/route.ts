import { exchangeCode } from '@/lib/identity/simulator/token';
import { simulatedProvider } from '@/lib/identity/simulator/guard';

/** The simulated provider's token endpoint, called by the portal server to server. */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const provider = simulatedProvider((await params).provider);
  if (!provider) return new Response('Not Found', { status: 404 });
  const form = new URLSearchParams(await request.text());
  const { status, body, headers } = await exchangeCode(provider, form, request.headers.get('authorization'));
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

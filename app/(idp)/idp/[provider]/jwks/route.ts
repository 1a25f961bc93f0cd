import { publicJwks } from '@/lib/identity/simulator/keys';
import { simulatedProvider } from '@/lib/identity/simulator/guard';

/** The simulated provider's public keys, with which the portal checks its results. */
export async function GET(_request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const provider = simulatedProvider((await params).provider);
  if (!provider) return new Response('Not Found', { status: 404 });
  return Response.json(await publicJwks(provider), { headers: { 'Cache-Control': 'public, max-age=300' } });
}

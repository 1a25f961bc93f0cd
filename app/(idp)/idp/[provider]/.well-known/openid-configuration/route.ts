import { discoveryDocument } from '@/lib/identity/simulator/metadata';
import { simulatedProvider } from '@/lib/identity/simulator/guard';

/** The simulated provider's discovery document, from which the portal's OpenID Connect client learns its endpoints. */
export async function GET(_request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const provider = simulatedProvider((await params).provider);
  if (!provider) return new Response('Not Found', { status: 404 });
  return Response.json(discoveryDocument(provider), { headers: { 'Cache-Control': 'public, max-age=300' } });
}

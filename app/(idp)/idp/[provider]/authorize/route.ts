import { seeOther } from '@/lib/identity/http';
import { startTransaction } from '@/lib/identity/simulator/authorize';
import { simulatedProvider } from '@/lib/identity/simulator/guard';

/** The simulated provider's authorisation endpoint: the portal sends the member's browser here. */
export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const provider = simulatedProvider((await params).provider);
  if (!provider) return new Response('Not Found', { status: 404 });
  const url = new URL(request.url);
  const outcome = await startTransaction(provider, url.searchParams);
  if (outcome.ok) return seeOther(new URL(`/idp/${provider}/flow/${outcome.transactionId}`, url).toString());
  if (outcome.error === 'invalid_request') return seeOther(outcome.redirectTo);
  return new Response('invalid redirect_uri', { status: 400 });
}

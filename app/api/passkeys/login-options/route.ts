import { passkeyLoginOptions } from '@/lib/auth/passkey';
import { registerFailure } from '@/lib/auth/rate-limit';
import { requestMetaFrom } from '@/lib/http/request-meta';

// Each answer stores a challenge: an address asking far more often than any login needs is slowed down.
const MAX_PER_WINDOW = 60;
const WINDOW_SECONDS = 600;

/** Public by design: the options for "Mit Passkey anmelden", before anyone is logged in. */
export async function POST(request: Request) {
  const meta = requestMetaFrom(request.headers);
  const state = await registerFailure(`passkey_options:ip:${meta.ip ?? 'unknown'}`, MAX_PER_WINDOW, WINDOW_SECONDS);
  if (state.limited) {
    return Response.json({ error: 'rate_limited', retryAfterSeconds: state.retryAfterSeconds }, { status: 429, headers: { 'Retry-After': String(state.retryAfterSeconds) } });
  }
  return Response.json(await passkeyLoginOptions(), { headers: { 'Cache-Control': 'no-store' } });
}

import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { portalRedirect } from '@/lib/identity/http';
import { completeIdentification } from '@/lib/identity/identification';

/** The provider sends the member back here after "Jetzt zu smart wechseln". */
export async function GET(request: Request) {
  const { memberId, sessionId } = await requireMember();
  const params = new URL(request.url).searchParams;
  const result = await completeIdentification(
    { state: params.get('state') ?? '', code: params.get('code'), error: params.get('error'), errorDescription: params.get('error_description') },
    { memberId, sessionId },
    await requestMeta(),
  );
  if (result.ok) return portalRedirect('/smart/abschluss');
  const query = new URLSearchParams({ fehler: result.reason, ...(result.provider ? { verfahren: result.provider } : {}) });
  return portalRedirect(`/smart?${query.toString()}`);
}

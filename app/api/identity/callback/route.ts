import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { answerFrom } from '@/lib/identity/handoff';
import { portalRedirect } from '@/lib/identity/http';
import { completeIdentification } from '@/lib/identity/identification';

/** The provider sends the member back here after "Jetzt zu smart wechseln". */
export async function GET(request: Request) {
  const { memberId, sessionId } = await requireMember();
  const result = await completeIdentification(answerFrom(new URL(request.url).searchParams), { memberId, sessionId }, await requestMeta());
  if (result.ok) return portalRedirect('/smart/abschluss');
  const query = new URLSearchParams({ fehler: result.reason, ...(result.provider ? { verfahren: result.provider } : {}) });
  return portalRedirect(`/smart?${query.toString()}`);
}

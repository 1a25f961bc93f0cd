import { notFound } from 'next/navigation';
import { requireSmartMember } from '@/lib/auth/access';
import { berlinDate } from '@/lib/insurance/calendar';
import { pdfHeaders } from '@/lib/pdf/pool';
import { babyCareEvaluation } from '@/lib/programs/babycare';
import { renderBabyCarePdf } from '@/lib/programs/babycare-document';

/** The member's BabyCare evaluation as PDF; without a completed questionnaire of theirs, a 404. */
export async function GET() {
  const { memberId } = await requireSmartMember();
  const now = new Date();
  const result = await babyCareEvaluation(memberId, now);
  if (!result) notFound();
  const pdf = await renderBabyCarePdf(memberId, result.evaluation, result.state.expectedBirthDate, berlinDate(now));
  return new Response(new Uint8Array(pdf), { headers: pdfHeaders('HEK-BabyCare-Auswertung.pdf') });
}

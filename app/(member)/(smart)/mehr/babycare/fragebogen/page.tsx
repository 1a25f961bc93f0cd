import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BabyCareQuestionnaire } from '@/components/programs/BabyCareQuestionnaire';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { babyCareState } from '@/lib/programs/babycare';
import { STEP_COUNT } from '@/lib/programs/babycare-schema';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('babycare.questionnaire');
  return { title: t('heading') };
}

/** "Profil & Analyse": goes on at the step after the last one saved; a completed one starts again at 1 to change answers. */
export default async function BabyCareQuestionnairePage() {
  const { memberId } = await requireSmartMember();
  const state = await babyCareState(memberId);
  // Not enrolled yet: the enrolment comes first.
  if (!state) redirect('/mehr/babycare');
  const t = await getTranslations('babycare');
  const step = state.completedAt || state.step >= STEP_COUNT ? 0 : state.step;
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/mehr/babycare">{t('title')}</BackLink>
      <PageHeading>{t('questionnaire.heading')}</PageHeading>
      <Card>
        <BabyCareQuestionnaire initialStep={step} answers={state.answers} />
      </Card>
    </div>
  );
}

import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ApplicationWizard } from '@/components/claims/ApplicationWizard';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { childSicknessDays, getDraft } from '@/lib/claims/queries';
import { applicationKinds, type ApplicationKind } from '@/lib/claims/schema';
import { uploadLimits } from '@/lib/mailbox/commands';

type Params = { params: Promise<{ kind: string }> };

const isKind = (value: string): value is ApplicationKind => (applicationKinds as readonly string[]).includes(value);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { kind } = await params;
  const t = await getTranslations('claims');
  // An unknown kind is a 404 for smart members; the gate (basic member, browser not bound) still needs a title.
  return { title: isKind(kind) ? t(`wizard.${kind}`) : t('title') };
}

export default async function ApplicationPage({ params }: Params) {
  const { memberId } = await requireSmartMember();
  const { kind } = await params;
  if (!isKind(kind)) notFound();
  const t = await getTranslations('claims');
  const [draft, days] = await Promise.all([getDraft(memberId, kind), kind === 'kinderkrankengeld' ? childSicknessDays(memberId) : null]);
  const limits = uploadLimits();
  const childChoices = (days?.children ?? []).map((c) => ({
    id: c.id,
    name: `${c.firstName} ${c.lastName}`,
    left: days!.account.children.find((a) => a.childId === c.id)?.left ?? 0,
  }));
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/antraege">{t('case.back')}</BackLink>
      <PageHeading lead={t(kind === 'kinderkrankengeld' ? 'wizard.leadKinderkrankengeld' : 'wizard.leadMutterschaftsgeld')}>{t(`wizard.${kind}`)}</PageHeading>
      <Card>
        <ApplicationWizard
          key={draft?.id ?? 'new'}
          kind={kind}
          draft={draft ? { id: draft.id, step: draft.step, data: draft.data as Record<string, unknown> } : null}
          childChoices={childChoices}
          year={days?.year ?? new Date().getUTCFullYear()}
          limits={{ maxFiles: limits.maxFiles, maxMb: Math.round(limits.maxFileBytes / 1024 / 1024) }}
          idempotencyKey={crypto.randomUUID()}
        />
      </Card>
    </div>
  );
}

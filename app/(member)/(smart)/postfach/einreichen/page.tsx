import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SubmissionForm } from '@/components/mailbox/SubmissionForm';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { uploadLimits } from '@/lib/mailbox/commands';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mailbox.compose');
  return { title: t('submitTitle') };
}

export default async function SubmitDocumentsPage() {
  await requireSmartMember();
  const t = await getTranslations('mailbox');
  const limits = uploadLimits();
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/postfach">
        {t('letter.back')}
      </BackLink>
      <PageHeading lead={t('compose.submitLead')}>{t('compose.submitTitle')}</PageHeading>
      <Card>
        <SubmissionForm idempotencyKey={crypto.randomUUID()} limits={{ maxFiles: limits.maxFiles, maxMb: Math.round(limits.maxFileBytes / 1024 / 1024) }} />
      </Card>
    </div>
  );
}

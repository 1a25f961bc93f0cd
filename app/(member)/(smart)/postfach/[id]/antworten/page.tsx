import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ReplyForm } from '@/components/mailbox/ReplyForm';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { uploadLimits } from '@/lib/mailbox/commands';
import { getLetter } from '@/lib/mailbox/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mailbox.compose');
  return { title: t('replyTitle') };
}

export default async function ReplyPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSmartMember();
  const t = await getTranslations('mailbox');
  const { id } = await params;
  const letter = await getLetter(session.memberId, id);
  if (!letter || letter.kind !== 'LETTER') notFound();
  const limits = uploadLimits();
  return (
    <div className="flex flex-col gap-4">
      <BackLink href={`/postfach/${letter.id}`}>{t('letter.back')}</BackLink>
      <PageHeading lead={t('compose.replyLead', { subject: letter.subject })}>{t('compose.replyTitle')}</PageHeading>
      <Card>
        {/* A fresh key per rendered form: a double click or a retry of this form creates one reply. */}
        <ReplyForm letterId={letter.id} idempotencyKey={crypto.randomUUID()} limits={{ maxFiles: limits.maxFiles, maxMb: Math.round(limits.maxFileBytes / 1024 / 1024) }} />
      </Card>
    </div>
  );
}

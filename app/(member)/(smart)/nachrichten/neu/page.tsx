import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NewConversationForm } from '@/components/messages/NewConversationForm';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('messenger');
  return { title: t('form.newTitle') };
}

export default async function NewConversationPage() {
  await requireSmartMember();
  const t = await getTranslations('messenger');
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/nachrichten">
        {t('conversation.back')}
      </BackLink>
      <PageHeading lead={t('lead')}>{t('form.newTitle')}</PageHeading>
      <Card>
        <NewConversationForm idempotencyKey={crypto.randomUUID()} />
      </Card>
    </div>
  );
}

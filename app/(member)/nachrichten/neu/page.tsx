import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NewConversationForm } from '@/components/messages/NewConversationForm';
import { SmartGate } from '@/components/shell/SmartGate';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { smartAccess } from '@/lib/auth/access';
import { requireMember } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('messenger');
  return { title: t('form.newTitle') };
}

export default async function NewConversationPage() {
  const session = await requireMember();
  const t = await getTranslations('messenger');
  const access = smartAccess(session);
  if (!access.ok) return <SmartGate access={access} feature={t('gateFeature')} />;
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

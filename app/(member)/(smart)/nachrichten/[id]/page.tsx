import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { MessageForm } from '@/components/messages/MessageForm';
import { MessageText } from '@/components/messages/MessageText';
import { BackLink } from '@/components/ui/BackLink';
import { Banner } from '@/components/ui/Banner';
import { PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { markConversationRead } from '@/lib/messages/commands';
import { getConversation } from '@/lib/messages/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('messenger');
  return { title: t('title') };
}

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSmartMember();
  const t = await getTranslations('messenger');
  const { id } = await params;
  const conversation = await getConversation(session.memberId, id);
  if (!conversation) notFound();
  // Staff looking at the account read-only leave the member's unread marks as they are.
  if (conversation.unreadByMember && !session.impersonation) await markConversationRead(session.memberId, conversation.id);
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/nachrichten">
        {t('conversation.back')}
      </BackLink>
      <PageHeading lead={`${t(`topic.${conversation.topic}`)} · ${t(`status.${conversation.status}`)}`}>{conversation.subject}</PageHeading>
      <section aria-label={t('conversation.messages')}>
        <ol className="flex flex-col gap-3">
          {conversation.messages.map((message) => {
            const mine = message.authorType === 'MEMBER';
            return (
              <li key={message.id} className={`max-w-[90%] rounded-card border p-4 ${mine ? 'self-end border-brand bg-brand-light' : 'self-start border-surface-line bg-surface'}`}>
                <p className="mb-1 text-sm font-semibold text-ink-muted">
                  {mine ? t('conversation.you') : message.staffName ? t('conversation.serviceNamed', { name: message.staffName }) : t('conversation.service')} ·{' '}
                  <time dateTime={message.createdAt.toISOString()}>{format.dateTime(message.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                </p>
                <MessageText text={message.body} />
              </li>
            );
          })}
        </ol>
      </section>
      <div id="ende">
        {conversation.status === 'CLOSED' ? (
          <Banner>{t('form.closed')}</Banner>
        ) : (
          <MessageForm key={conversation.messages.length} conversationId={conversation.id} idempotencyKey={crypto.randomUUID()} />
        )}
      </div>
    </div>
  );
}

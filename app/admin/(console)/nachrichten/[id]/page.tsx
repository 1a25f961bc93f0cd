import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { StaffAnswerForm } from '@/components/admin/StaffAnswerForm';
import { Banner } from '@/components/ui/Banner';
import { BackLink } from '@/components/ui/BackLink';
import { messengerQueue } from '@/lib/admin/queues';
import { requireStaff } from '@/lib/staff/session';
import { answerConversationAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.messenger'))('title') };
}

export default async function StaffConversationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ gesendet?: string }> }) {
  await requireStaff();
  const [{ id }, { gesendet }] = await Promise.all([params, searchParams]);
  const conversation = await messengerQueue.conversation(id);
  if (!conversation) notFound();
  const t = await getTranslations('admin.messenger');
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/admin/nachrichten">{t('title')}</BackLink>
      <h1 className="text-2xl font-bold text-brand-dark">{conversation.subject}</h1>
      <p>
        <Link href={`/admin/mitglieder/${conversation.member.id}`} className="text-brand underline">
          {t('from', { name: `${conversation.member.firstName} ${conversation.member.lastName}`, kvnr: conversation.member.kvnr })}
        </Link>
      </p>
      {gesendet && <Banner tone="success">{t('sent')}</Banner>}
      <ol className="flex flex-col gap-3">
        {conversation.messages.map((m) => (
          <li key={m.id} className={`rounded-lg border p-3 ${m.authorType === 'STAFF' ? 'border-brand bg-brand-light' : 'border-surface-line bg-surface'}`}>
            <p className="text-sm font-semibold">
              {m.authorType === 'STAFF' ? t('staff', { name: m.staffName ?? '' }) : t('member')} · {format.dateTime(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
            </p>
            <p className="whitespace-pre-wrap">{m.body}</p>
          </li>
        ))}
      </ol>
      {conversation.status === 'CLOSED' ? <p>{t('closed')}</p> : <StaffAnswerForm conversationId={conversation.id} action={answerConversationAction} />}
    </div>
  );
}

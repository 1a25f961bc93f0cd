import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireMember } from '@/lib/auth/session';
import { markSupportAnswerRead } from '@/lib/support/commands';
import { getSupportMessage } from '@/lib/support/queries';
import { technicalDataFields, technicalDataSchema } from '@/lib/support/schema';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.list');
  return { title: t('title') };
}

/** One support message as it was sent (with what was attached) and the support's answers. */
export default async function SupportMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { memberId } = await requireMember();
  const { id } = await params;
  const message = await getSupportMessage(memberId, id);
  if (!message) notFound();
  if (message.status !== 'OPEN' && !message.answerReadAt) await markSupportAnswerRead(memberId, message.id);
  const t = await getTranslations('support');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  const technical = technicalDataSchema.safeParse(message.technicalData);

  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/mehr/support">{t('detail.back')}</BackLink>
      <PageHeading lead={`${t('detail.sent', { date: when(message.createdAt) })} · ${t(`status.${message.status}`)}`}>{message.subject}</PageHeading>
      <Card>
        <p className="whitespace-pre-wrap break-words">{message.text}</p>
        <h2 className="mb-2 mt-4 text-lg font-semibold text-brand-dark">{t('detail.attached')}</h2>
        {message.kvnr || technical.success ? (
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
            {message.kvnr && (
              <>
                <dt className="font-semibold text-ink-muted">{t('form.previewKvnr')}</dt>
                <dd>{message.kvnr}</dd>
              </>
            )}
            {technical.success &&
              technicalDataFields.map((field) => (
                <div key={field} className="contents">
                  <dt className="font-semibold text-ink-muted">{t(`technical.fields.${field}`)}</dt>
                  <dd className="break-words">{technical.data[field]}</dd>
                </div>
              ))}
          </dl>
        ) : (
          <p>{t('detail.notAttached')}</p>
        )}
      </Card>
      <section aria-labelledby="answers-heading" className="flex flex-col gap-3">
        <h2 id="answers-heading" className="text-xl font-semibold text-brand-dark">{t('detail.answers')}</h2>
        {message.answers.length === 0 ? (
          <p>{t('detail.noAnswer')}</p>
        ) : (
          message.answers.map((a) => (
            <Card key={a.id} className={a.authorStaffId ? 'border-brand' : ''}>
              <p className="text-sm font-semibold text-ink-muted">{a.authorStaffId ? t('detail.fromSupport', { date: when(a.createdAt) }) : t('detail.fromYou', { date: when(a.createdAt) })}</p>
              <p className="mt-1 whitespace-pre-wrap break-words">{a.text}</p>
            </Card>
          ))
        )}
      </section>
    </div>
  );
}

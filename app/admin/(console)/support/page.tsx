import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SubmitButton } from '@/components/security/SubmitButton';
import { Banner } from '@/components/ui/Banner';
import { TextArea } from '@/components/ui/Field';
import { barrierQueue, supportQueue } from '@/lib/admin/queues';
import { requireStaff } from '@/lib/staff/session';
import { technicalDataFields } from '@/lib/support/schema';
import { answerSupportAction, closeSupportAction, markBarrierReportAnsweredAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.support'))('title') };
}

type Search = { beantwortet?: string; geschlossen?: string; leer?: string; barriere?: string };

/** Messages to the app support (read what was sent, with the technical data if attached; answer, close) and barrier reports. */
export default async function SupportQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireStaff();
  const params = await searchParams;
  const t = await getTranslations('admin.support');
  const technical = await getTranslations('support.technical');
  const format = await getFormatter();
  const [messages, reports] = await Promise.all([supportQueue.list(), barrierQueue.list()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('intro')}</p>
      {params.beantwortet && <Banner tone="success">{t('answered')}</Banner>}
      {params.geschlossen && <Banner tone="success">{t('closed')}</Banner>}
      {messages.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {messages.map((m) => {
            const data = (m.technicalData ?? null) as Record<string, string> | null;
            return (
              <li key={m.id} id={`m-${m.id}`} className="flex flex-col gap-3 rounded-lg border border-surface-line bg-surface p-4">
                <div>
                  <h2 className="text-lg font-semibold">{m.subject}</h2>
                  <p className="text-sm text-ink-muted">
                    <Link href={`/admin/mitglieder/${m.member.id}`} className="text-brand underline">
                      {m.member.firstName} {m.member.lastName}
                    </Link>{' '}
                    · {when(m.createdAt)} · {t(`status.${m.status}`)}
                  </p>
                </div>
                <p className="whitespace-pre-wrap break-words">{m.text}</p>
                {data ? (
                  <dl className="grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
                    <dt className="font-semibold">{t('kvnr')}</dt>
                    <dd>{m.kvnr}</dd>
                    {technicalDataFields.map((field) => (
                      <div key={field} className="contents">
                        <dt className="font-semibold">{technical(`fields.${field}`)}</dt>
                        <dd className="break-words">{data[field]}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p className="text-sm text-ink-muted">{t('noTechnicalData')}</p>
                )}
                {m.answers.map((a) => (
                  <div key={a.id} className="rounded-lg bg-brand-light p-3">
                    <p className="text-sm font-semibold">{t('answerOf', { date: when(a.createdAt) })}</p>
                    <p className="whitespace-pre-wrap break-words">{a.text}</p>
                  </div>
                ))}
                <form action={answerSupportAction} className="flex flex-col gap-3">
                  <input type="hidden" name="messageId" value={m.id} />
                  <TextArea id={`answer-${m.id}`} name="text" label={t('answerLabel')} maxLength={5000} error={params.leer === m.id ? t('answerEmpty') : undefined} />
                  <div className="flex flex-wrap gap-3">
                    <SubmitButton variant="primary">
                      {t('send')}
                    </SubmitButton>
                  </div>
                </form>
                <form action={closeSupportAction}>
                  <input type="hidden" name="messageId" value={m.id} />
                  <SubmitButton variant="secondary">
                    {t('close')}
                  </SubmitButton>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="barriers-heading" className="flex flex-col gap-3">
        <h2 id="barriers-heading" className="text-xl font-semibold text-brand-dark">{t('barriers.title')}</h2>
        <p>{t('barriers.intro')}</p>
        {params.barriere && <Banner tone="success">{t('barriers.done')}</Banner>}
        {reports.length === 0 ? (
          <p>{t('barriers.empty')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {reports.map((r) => (
              <li key={r.id} className="flex flex-col gap-2 rounded-lg border border-surface-line bg-surface p-4">
                <p className="text-sm text-ink-muted">
                  {when(r.createdAt)} · {r.name || t('barriers.anonymous')} · {r.email ? <a href={`mailto:${r.email}`} className="text-brand underline">{r.email}</a> : t('barriers.noEmail')} · {r.locale}
                </p>
                {r.page && <p className="text-sm">{t('barriers.page', { page: r.page })}</p>}
                <p className="whitespace-pre-wrap break-words">{r.message}</p>
                <form action={markBarrierReportAnsweredAction}>
                  <input type="hidden" name="reportId" value={r.id} />
                  <SubmitButton variant="secondary">
                    {t('barriers.markAnswered')}
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

import crypto from 'node:crypto';
import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CaseUploadForm } from '@/components/claims/CaseUploadForm';
import { DecisionClock } from '@/components/claims/DecisionClock';
import { SicknessTracking } from '@/components/claims/SicknessTracking';
import { StatusBadge } from '@/components/claims/StatusBadge';
import { BackLink } from '@/components/ui/BackLink';
import { Banner } from '@/components/ui/Banner';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { getCase } from '@/lib/claims/queries';
import { formatBytes } from '@/lib/claims/receipts';
import { berlinDate, germanDate } from '@/lib/insurance/calendar';
import { uploadLimits } from '@/lib/mailbox/commands';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('claims');
  return { title: t('title') };
}

const dateTime = (d: Date) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(d);

export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { memberId } = await requireSmartMember();
  const { id } = await params;
  const query = await searchParams;
  const c = await getCase(memberId, id);
  if (!c) notFound();
  const t = await getTranslations('claims');
  const limits = uploadLimits();
  const range = (a: Date | null, b: Date | null) => (a && b ? `${germanDate(a)} – ${germanDate(b)}` : '–');
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/antraege">{t('case.back')}</BackLink>
      <PageHeading lead={t('list.reference', { reference: c.reference })}>
        {t(`type.${c.type}`)}
        {c.childName ? ` ${t('list.child', { name: c.childName })}` : ''}
      </PageHeading>
      {query.eingereicht === '1' && <Banner tone="success">{t('case.submitted')}</Banner>}
      {query.hochgeladen === '1' && <Banner tone="success">{t('case.uploaded')}</Banner>}

      <Card>
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
          <span className="text-sm text-ink-muted">{t('list.received', { date: germanDate(berlinDate(c.receivedAt)) })}</span>
        </div>
        <h2 className="mt-4 font-semibold">{t('case.next')}</h2>
        <p className="mt-1">{t(`case.nextStep.${c.status}`)}</p>
        {c.decisionLetterId && (
          <Link href={`/postfach/${c.decisionLetterId}`} className="mt-2 inline-block font-semibold text-brand underline">
            {t('case.decisionLetter')}
          </Link>
        )}
      </Card>

      <DecisionClock clock={c.clock} medicalService={c.medicalService} decidedAt={c.decidedAt} />

      {c.missingDocuments.length > 0 && (
        <section aria-labelledby="missing-title">
          <Card className="border-warning">
            <h2 id="missing-title" className="text-lg font-semibold text-brand-dark">
              {t('case.missing.title')}
            </h2>
            <ul className="mt-2 list-disc pl-5">
              {c.missingDocuments.map((doc) => (
                <li key={doc}>{doc}</li>
              ))}
            </ul>
            <h3 className="mt-4 font-semibold">{t('case.missing.upload')}</h3>
            <CaseUploadForm caseId={c.id} idempotencyKey={crypto.randomUUID()} limits={{ maxFiles: limits.maxFiles, maxMb: Math.round(limits.maxFileBytes / 1024 / 1024) }} />
          </Card>
        </section>
      )}

      {c.tracking && <SicknessTracking tracking={c.tracking} payments={c.payments} state={c.state} />}

      {(c.type === 'CHILD_SICKNESS_BENEFIT' || c.type === 'MATERNITY_BENEFIT') && (
        <Card>
          <h2 className="text-lg font-semibold text-brand-dark">{t('case.details')}</h2>
          <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            {c.type === 'CHILD_SICKNESS_BENEFIT' ? (
              <>
                <dt className="font-semibold">{t('case.child')}</dt>
                <dd>{c.childName}</dd>
                <dt className="font-semibold">{t('case.period')}</dt>
                <dd>{range(c.periodStart, c.periodEnd)}</dd>
                {c.hospitalStart && (
                  <>
                    <dt className="font-semibold">{t('case.hospital')}</dt>
                    <dd>{range(c.hospitalStart, c.hospitalEnd)}</dd>
                  </>
                )}
              </>
            ) : (
              <>
                <dt className="font-semibold">{t('case.expectedBirth')}</dt>
                <dd>{c.expectedBirthDate ? germanDate(c.expectedBirthDate) : '–'}</dd>
                {c.employment && (
                  <>
                    <dt className="font-semibold">{t('case.employment')}</dt>
                    <dd>{t(`wizard.employments.${c.employment}`)}</dd>
                  </>
                )}
              </>
            )}
          </dl>
        </Card>
      )}

      <section aria-labelledby="timeline-title">
        <Card>
          <h2 id="timeline-title" className="text-lg font-semibold text-brand-dark">
            {t('case.timeline')}
          </h2>
          <ol className="mt-3 flex flex-col gap-3 border-l-2 border-brand pl-4">
            {c.events.map((e) => (
              <li key={e.id}>
                <p className="font-semibold">{t(`event.${e.kind}`)}</p>
                <p className="text-sm text-ink-muted">
                  <time dateTime={e.occurredAt.toISOString()}>{dateTime(e.occurredAt)}</time>
                  {e.note ? ` · ${e.note}` : ''}
                </p>
                {e.letterId && (
                  <Link href={`/postfach/${e.letterId}`} className="text-sm font-semibold text-brand underline">
                    {t('case.letter')}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </Card>
      </section>

      {c.sentDocuments.length > 0 && (
        <section aria-labelledby="documents-title">
          <Card>
            <h2 id="documents-title" className="text-lg font-semibold text-brand-dark">
              {t('case.documents')}
            </h2>
            <ul className="mt-2 flex flex-col gap-2">
              {c.sentDocuments.flatMap((letter) =>
                letter.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/api/letters/${letter.id}/attachments/${a.id}`} className="font-semibold text-brand underline break-all">
                      {t('case.fileLine', { name: a.fileName, size: formatBytes(a.file.size) })}
                    </a>
                    <p className="text-xs text-ink-muted break-all">{t('case.sha', { hash: a.file.sha256 })}</p>
                  </li>
                )),
              )}
            </ul>
          </Card>
        </section>
      )}
    </div>
  );
}

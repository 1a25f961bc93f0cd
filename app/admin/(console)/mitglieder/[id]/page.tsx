import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DeliverLetterForm } from '@/components/admin/DeliverLetterForm';
import { ImpersonationStartForm } from '@/components/admin/ImpersonationStartForm';
import { BackLink } from '@/components/ui/BackLink';
import { memberOverview } from '@/lib/admin/members';
import { letterTemplateNames } from '@/lib/admin/queues';
import { env } from '@/lib/config/env';
import { requireStaff } from '@/lib/staff/session';
import { claimsQueue } from '@/lib/admin/queues';
import { SubmitButton } from '@/components/security/SubmitButton';
import { Banner } from '@/components/ui/Banner';
import { Field, Select, TextArea } from '@/components/ui/Field';
import { deliverLetterAction, impersonationConfirmOptionsAction, startImpersonationAction, updateCaseAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.member'))('facts') };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2 rounded-lg border border-surface-line bg-surface p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** What support needs about one member, without health data; the start of an impersonation. */
export default async function MemberOverviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ antrag?: string }> }) {
  await requireStaff();
  const { id } = await params;
  const caseSaved = (await searchParams).antrag;
  const overview = await memberOverview(id);
  if (!overview) notFound();
  const cases = await claimsQueue.forMember(overview.member.id);
  const t = await getTranslations('admin');
  const format = await getFormatter();
  const { member } = overview;
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/admin">{t('common.back')}</BackLink>
      <h1 className="text-2xl font-bold text-brand-dark">
        {member.firstName} {member.lastName}
      </h1>
      <p className="text-sm text-ink-muted">{t('member.noHealthData')}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section id="facts" title={t('member.facts')}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t('member.kvnr')}</dt>
            <dd>{member.kvnr}</dd>
            <dt className="font-semibold">{t('member.birthDate')}</dt>
            <dd>{format.dateTime(member.birthDate, { dateStyle: 'medium', timeZone: 'UTC' })}</dd>
            <dt className="font-semibold">{t('member.level')}</dt>
            <dd>{t(`levels.${member.level}`)}</dd>
            <dt className="font-semibold">{t('member.email')}</dt>
            <dd className="break-all">{member.email}</dd>
            <dt className="font-semibold">{t('member.appCommunication')}</dt>
            <dd>{t(member.appCommunication ? 'member.on' : 'member.off')}</dd>
            <dt className="font-semibold">{t('member.lastLogin')}</dt>
            <dd>{overview.lastLoginAt ? when(overview.lastLoginAt) : t('member.never')}</dd>
          </dl>
          {member.account?.lockedAt && <p className="font-semibold text-danger">{t('member.locked')}</p>}
        </Section>
        <Section id="devices" title={t('member.devices')}>
          {overview.devices.length === 0 ? (
            <p>{t('member.noDevices')}</p>
          ) : (
            <ul>
              {overview.devices.map((d) => (
                <li key={d.id}>
                  {d.name} – {t('member.since', { date: when(d.createdAt) })}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="conversations" title={t('member.conversations')}>
          {overview.conversations.length === 0 ? (
            <p>{t('member.noConversations')}</p>
          ) : (
            <ul>
              {overview.conversations.map((c) => (
                <li key={c.id}>
                  <Link href={`/admin/nachrichten/${c.id}`} className="text-brand underline">
                    {c.subject}
                  </Link>{' '}
                  {c.unreadByStaff && <span className="text-sm font-semibold">({t('messenger.new')})</span>}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="letters" title={t('member.letters')}>
          {overview.unreadLetters.length === 0 ? (
            <p>{t('member.noLetters')}</p>
          ) : (
            <ul>
              {overview.unreadLetters.map((l) => (
                <li key={l.id}>
                  {t(`letters.${l.kind}`)}: {l.subject} ({when(l.deliveredAt)})
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="orders" title={t('member.orders')}>
          {overview.orders.length === 0 ? (
            <p>{t('member.noOrders')}</p>
          ) : (
            <ul>
              {overview.orders.map((o) => (
                <li key={o.id}>
                  {when(o.createdAt)}: {t(`healthCards.reasons.${['lost', 'stolen', 'damaged'].includes(o.reason) ? o.reason : 'other'}`)} – {t(o.processed ? 'member.orderSent' : 'member.orderOpen')}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="impersonations" title={t('member.impersonations')}>
          {overview.impersonations.length === 0 ? (
            <p>{t('member.noImpersonations')}</p>
          ) : (
            <ul>
              {overview.impersonations.map((i) => (
                <li key={i.id}>
                  {t('member.impersonationLine', { staff: i.staff.name, start: when(i.startedAt), end: when(i.endedAt ?? i.endsAt), reason: i.reason })}
                  {!i.endedAt && i.endsAt > new Date() && ` (${t('member.running')})`}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      {member.account && (
        <Section id="impersonate" title={t('impersonate.title')}>
          <p>{t('impersonate.intro', { minutes: env().IMPERSONATION_MAX_MINUTES })}</p>
          <ImpersonationStartForm memberId={member.id} optionsAction={impersonationConfirmOptionsAction} startAction={startImpersonationAction} />
        </Section>
      )}
      <Section id="cases" title={t('cases.title')}>
        {caseSaved === 'gespeichert' && <Banner tone="success">{t('cases.saved')}</Banner>}
        {caseSaved === 'fehler' && <Banner tone="error">{t('cases.failed')}</Banner>}
        {cases.length === 0 ? (
          <p>{t('cases.none')}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {cases.map((c) => (
              <li key={c.id} className="flex flex-col gap-3 border-t border-surface-line pt-3">
                <h3 className="font-semibold">{t('cases.line', { reference: c.reference, type: t(`cases.types.${c.type}`), status: t(`cases.statuses.${c.status}`), date: when(c.receivedAt) })}</h3>
                <form action={updateCaseAction} className="flex flex-col gap-3" aria-label={t('cases.statusForm', { reference: c.reference })}>
                  <input type="hidden" name="memberId" value={member.id} />
                  <input type="hidden" name="caseId" value={c.id} />
                  <input type="hidden" name="action" value="status" />
                  <Select id={`status-${c.id}`} name="status" label={t('cases.status')} defaultValue="IN_REVIEW">
                    {(['IN_REVIEW', 'APPROVED', 'DECLINED'] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(`cases.statuses.${s}`)}
                      </option>
                    ))}
                  </Select>
                  <label className="flex min-h-11 items-center gap-3">
                    <input type="checkbox" name="medicalService" className="h-5 w-5 accent-brand" />
                    <span>{t('cases.medicalService')}</span>
                  </label>
                  <Field id={`note-${c.id}`} name="note" label={t('cases.note')} maxLength={500} />
                  <SubmitButton variant="primary" className="w-fit">
                    {t('cases.setStatus')}
                  </SubmitButton>
                </form>
                <form action={updateCaseAction} className="flex flex-col gap-3" aria-label={t('cases.documentsForm', { reference: c.reference })}>
                  <input type="hidden" name="memberId" value={member.id} />
                  <input type="hidden" name="caseId" value={c.id} />
                  <input type="hidden" name="action" value="documents" />
                  <TextArea id={`documents-${c.id}`} name="documents" rows={3} label={t('cases.documents')} hint={t('cases.documentsHint')} />
                  <SubmitButton variant="secondary" className="w-fit">
                    {t('cases.requestDocuments')}
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="deliver" title={t('letters.deliverTitle')}>
        <p>{t('letters.deliverIntro')}</p>
        <DeliverLetterForm memberId={member.id} templates={letterTemplateNames} action={deliverLetterAction} />
      </Section>
    </div>
  );
}

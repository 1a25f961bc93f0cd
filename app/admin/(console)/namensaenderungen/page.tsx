import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SubmitButton } from '@/components/security/SubmitButton';
import { Banner } from '@/components/ui/Banner';
import { Field } from '@/components/ui/Field';
import { nameChangeQueue } from '@/lib/admin/queues';
import { requireStaff } from '@/lib/staff/session';
import { decideNameChangeAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.nameChanges'))('title') };
}

/** Name changes waiting for a decision: the name now and asked for, the reason, the document; approve or reject. */
export default async function NameChangeQueuePage({ searchParams }: { searchParams: Promise<{ entschieden?: string }> }) {
  await requireStaff();
  const { entschieden } = await searchParams;
  const t = await getTranslations('admin.nameChanges');
  const profile = await getTranslations('profile.data.name');
  const format = await getFormatter();
  const requests = await nameChangeQueue.list();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('intro')}</p>
      {entschieden && <Banner tone="success">{t(entschieden === 'angenommen' ? 'approved' : 'rejected')}</Banner>}
      {requests.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {requests.map((r) => (
            <li key={r.id} className="flex flex-col gap-3 rounded-lg border border-surface-line bg-surface p-4">
              <h2 className="text-lg font-semibold">{t('change', { from: `${r.member.firstName} ${r.member.lastName}`, to: `${r.firstName} ${r.lastName}` })}</h2>
              <p className="text-sm text-ink-muted">
                <Link href={`/admin/mitglieder/${r.member.id}`} className="text-brand underline">
                  {r.member.kvnr}
                </Link>{' '}
                · {format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })} · {profile(`reasons.${r.reason}`)}
              </p>
              <a href={`/admin/namensaenderungen/${r.id}/dokument`} className="w-fit text-brand underline">
                {t('document', { name: r.documentName })}
              </a>
              <form action={decideNameChangeAction} className="flex flex-col gap-3">
                <input type="hidden" name="requestId" value={r.id} />
                <Field id={`note-${r.id}`} name="note" label={t('note')} hint={t('noteHint')} maxLength={500} />
                <div className="flex flex-wrap gap-3">
                  <SubmitButton name="decision" value="APPROVED" variant="primary">
                    {t('approve')}
                  </SubmitButton>
                  <SubmitButton name="decision" value="REJECTED" variant="secondary">
                    {t('reject')}
                  </SubmitButton>
                </div>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { runningImpersonations } from '@/lib/staff/impersonation';
import { requireStaff } from '@/lib/staff/session';
import { endImpersonationAsSupervisorAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.impersonations'))('title') };
}

export default async function RunningImpersonationsPage() {
  await requireStaff('SUPERVISOR');
  const t = await getTranslations('admin.impersonations');
  const format = await getFormatter();
  const running = await runningImpersonations();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      {running.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {running.map((i) => (
            <li key={i.id} className="flex flex-col gap-2 rounded-lg border border-surface-line bg-surface p-3 sm:flex-row sm:items-center sm:justify-between">
              <p>
                {t('line', {
                  staff: i.staff.name,
                  member: `${i.member.firstName} ${i.member.lastName}`,
                  kvnr: i.member.kvnr,
                  end: format.dateTime(i.endsAt, { timeStyle: 'short' }),
                  reason: i.reason,
                  reference: i.reference,
                })}
              </p>
              <form action={endImpersonationAsSupervisorAction}>
                <input type="hidden" name="impersonationId" value={i.id} />
                <button type="submit" className="min-h-11 rounded-lg bg-danger px-4 font-semibold text-white">
                  {t('end')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

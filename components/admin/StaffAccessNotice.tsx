import { getFormatter, getTranslations } from 'next-intl/server';
import { Banner } from '@/components/ui/Banner';
import { runningImpersonationsOfMember } from '@/lib/staff/impersonation';

/** For the member: staff are looking at the account right now, and the way to end it. */
export async function StaffAccessNotice({ memberId, endAction }: { memberId: string; endAction: () => Promise<void> }) {
  const running = await runningImpersonationsOfMember(memberId);
  if (running.length === 0) return null;
  const t = await getTranslations('admin.memberNotice');
  const format = await getFormatter();
  return (
    <Banner tone="warning" title={t('title')}>
      <ul>
        {running.map((i) => (
          <li key={i.id}>{t('line', { staff: i.staff.name, until: format.dateTime(i.endsAt, { timeStyle: 'short' }), reason: i.reason })}</li>
        ))}
      </ul>
      <form action={endAction} className="mt-2">
        <button type="submit" className="min-h-11 rounded-lg bg-danger px-4 font-semibold text-white">
          {t('end')}
        </button>
      </form>
    </Banner>
  );
}

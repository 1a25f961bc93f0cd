import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { TableScrollRegion } from '@/components/ui/Table';
import { searchStaffAudit, verifyStaffAuditChain } from '@/lib/audit/chain';
import { requireStaff } from '@/lib/staff/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.audit'))('title') };
}

const filterSchema = z.object({
  staffId: z.uuid().optional().catch(undefined),
  memberId: z.uuid().optional().catch(undefined),
  action: z.string().trim().max(60).regex(/^[a-z._]*$/).optional().catch(undefined),
  before: z.coerce.bigint().positive().optional().catch(undefined),
  pruefen: z.literal('1').optional().catch(undefined),
});

/** Supervisors search the staff audit log and verify its hash chain (read-only: nothing here edits it). */
export default async function StaffAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireStaff('SUPERVISOR');
  const filter = filterSchema.parse(await searchParams);
  const t = await getTranslations('admin.audit');
  const format = await getFormatter();
  const [entries, check] = await Promise.all([
    searchStaffAudit({ staffId: filter.staffId, memberId: filter.memberId, action: filter.action || undefined, before: filter.before }),
    filter.pruefen ? verifyStaffAuditChain() : Promise.resolve(null),
  ]);
  const last = entries.at(-1);
  const older = new URLSearchParams({ ...(filter.staffId ? { staffId: filter.staffId } : {}), ...(filter.memberId ? { memberId: filter.memberId } : {}), ...(filter.action ? { action: filter.action } : {}), before: last ? last.seq.toString() : '' });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('intro')}</p>
      <form method="get" action="/admin/protokoll">
        <input type="hidden" name="pruefen" value="1" />
        <button type="submit" className={buttonClass('secondary')}>
          {t('verify')}
        </button>
      </form>
      <div aria-live="polite">
        {check?.ok && <Banner tone="success">{t('intact', { entries: check.entries, seq: check.head.seq })}</Banner>}
        {check && !check.ok && <Banner tone="error">{t('broken', { seq: check.brokenAt, problem: check.problem })}</Banner>}
      </div>
      <form method="get" action="/admin/protokoll" className="grid gap-3 sm:grid-cols-4 sm:items-end">
        {(['staffId', 'memberId', 'action'] as const).map((name) => (
          <div key={name} className="flex flex-col gap-1.5">
            <label htmlFor={`audit-${name}`} className="font-semibold">
              {t(name)}
            </label>
            <input id={`audit-${name}`} name={name} defaultValue={filter[name] ?? ''} className="min-h-11 rounded-lg border-2 border-surface-line bg-surface px-3 py-2" />
          </div>
        ))}
        <button type="submit" className={buttonClass('primary')}>
          {t('filter')}
        </button>
      </form>
      {entries.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <TableScrollRegion labelledBy="audit-caption">
          <table className="w-full border-collapse text-left text-sm">
            <caption id="audit-caption" className="sr-only">
              {t('title')}
            </caption>
            <thead>
              <tr className="border-b border-surface-line">
                {(['seq', 'time', 'who', 'what', 'target', 'reason'] as const).map((key) => (
                  <th key={key} scope="col" className="p-2">
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq.toString()} className="border-b border-surface-line align-top">
                  <td className="p-2">{e.seq.toString()}</td>
                  <td className="p-2 whitespace-nowrap">{format.dateTime(e.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                  <td className="p-2">{e.staffName ?? t('system')}</td>
                  <td className="p-2">{e.action}</td>
                  <td className="p-2 break-all">{e.target}</td>
                  <td className="p-2">{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScrollRegion>
      )}
      {entries.length === 50 && (
        <Link href={`/admin/protokoll?${older.toString()}`} className="text-brand underline">
          {t('older')}
        </Link>
      )}
    </div>
  );
}

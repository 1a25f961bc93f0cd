import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { healthCardOrderQueue } from '@/lib/admin/queues';
import { requireStaff } from '@/lib/staff/session';
import { markHealthCardSentAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.healthCards'))('title') };
}

export default async function HealthCardQueuePage() {
  await requireStaff();
  const t = await getTranslations('admin.healthCards');
  const format = await getFormatter();
  const orders = await healthCardOrderQueue.list();
  const reasons = ['lost', 'stolen', 'damaged', 'other'];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('intro')}</p>
      {orders.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {orders.map((o) => (
            <li key={o.id} className="flex flex-col gap-2 rounded-lg border border-surface-line bg-surface p-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <Link href={`/admin/mitglieder/${o.member.id}`} className="font-semibold text-brand underline">
                  {o.member.firstName} {o.member.lastName} ({o.member.kvnr})
                </Link>
                <p className="text-sm text-ink-muted">
                  {t(`reasons.${reasons.includes(o.reason) ? o.reason : 'other'}`)} · {t('ordered', { date: format.dateTime(o.createdAt, { dateStyle: 'medium' }) })}
                </p>
              </div>
              <form action={markHealthCardSentAction}>
                <input type="hidden" name="orderId" value={o.id} />
                <button type="submit" className="min-h-11 rounded-lg border-2 border-brand px-4 font-semibold text-brand hover:bg-brand-light">
                  {t('markSent')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

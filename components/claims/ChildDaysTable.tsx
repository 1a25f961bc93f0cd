import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import { TableScrollRegion } from '@/components/ui/Table';
import type { ChildSicknessAccount } from '@/lib/claims/rules/child-sickness-days';

type Data = { year: number; singleParent: boolean; account: ChildSicknessAccount; children: { id: string; firstName: string; lastName: string }[] };

/** Kinderkrankengeld days of this parent in the year, per child and across all children. */
export async function ChildDaysTable({ data }: { data: Data }) {
  const t = await getTranslations('claims.childDays');
  const name = (id: string) => {
    const c = data.children.find((x) => x.id === id);
    return c ? `${c.firstName} ${c.lastName}` : '–';
  };
  return (
    <section aria-labelledby="child-days-title">
      <Card>
        <h2 id="child-days-title" className="text-lg font-semibold text-brand-dark">
          {t('title', { year: data.year })}
        </h2>
        <p className="mt-1 text-sm text-ink-muted">{t('rule', data.account.limits)}</p>
        {data.singleParent && <p className="mt-1 text-sm">{t('single')}</p>}
        <TableScrollRegion labelledBy="child-days-title">
          <table className="mt-3 w-full text-left">
            <thead>
              <tr className="border-b border-surface-line">
                <th scope="col" className="py-2 pr-4">{t('child')}</th>
                <th scope="col" className="py-2 pr-4">{t('used')}</th>
                <th scope="col" className="py-2">{t('left')}</th>
              </tr>
            </thead>
            <tbody>
              {data.account.children.map((c) => (
                <tr key={c.childId} className="border-b border-surface-line">
                  <th scope="row" className="py-2 pr-4 font-normal">{name(c.childId)}</th>
                  <td className="py-2 pr-4">{c.used}</td>
                  <td className="py-2">{c.left}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-2 pr-4">{t('total')}</th>
                <td className="py-2 pr-4 font-semibold">{data.account.totalUsed}</td>
                <td className="py-2 font-semibold">{data.account.totalLeft}</td>
              </tr>
            </tbody>
          </table>
        </TableScrollRegion>
      </Card>
    </section>
  );
}

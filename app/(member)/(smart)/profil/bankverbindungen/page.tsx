import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AddBankAccountForm } from '@/components/bank/AddBankAccountForm';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { checkIban, maskIban } from '@/lib/bank/iban';
import { listBankAccounts } from '@/lib/bank/queries';
import { berlinDate, isoDate } from '@/lib/insurance/calendar';
import { addBankAccountAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bank');
  return { title: t('title') };
}

export default async function BankAccountsPage() {
  const { memberId, member } = await requireSmartMember();
  const today = berlinDate(new Date());
  const accounts = await listBankAccounts(memberId, today);
  const t = await getTranslations('bank');
  const profile = await getTranslations('profile');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  const period = (a: (typeof accounts)[number]) => {
    if (a.superseded) return t('period.superseded');
    if (a.validUntil) return t('period.closed', { from: day(a.validFrom), until: day(a.validUntil) });
    return a.state === 'future' ? t('period.openFuture', { from: day(a.validFrom) }) : t('period.open', { from: day(a.validFrom) });
  };
  const bankOf = (a: (typeof accounts)[number]) => {
    const checked = checkIban(a.iban);
    return [a.bankName, a.bic ? t('bic', { bic: a.bic }) : null, checked.ok && checked.bankCode ? t('bankCode', { code: checked.bankCode }) : null].filter(Boolean).join(' · ');
  };

  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/profil">{profile('title')}</BackLink>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>

      <Card>
        <section aria-labelledby="accounts-heading">
          <h2 id="accounts-heading" className="mb-3 text-xl font-semibold text-brand-dark">{t('listHeading')}</h2>
          {accounts.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul className="flex flex-col gap-3" aria-labelledby="accounts-heading">
              {accounts.map((a) => (
                <li key={a.id} className={`rounded-lg border-2 p-4 ${a.state === 'current' ? 'border-brand' : 'border-surface-line'}`}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-mono text-lg">{maskIban(a.iban)}</span>
                    <span className={`rounded-full px-3 py-0.5 text-sm font-semibold ${a.state === 'current' ? 'bg-brand text-white' : 'bg-brand-light text-ink'}`}>
                      {a.state === 'future' ? t('states.future', { date: day(a.validFrom) }) : t(`states.${a.state}`)}
                    </span>
                  </div>
                  <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
                    <dt className="font-semibold text-ink-muted">{t('columns.holder')}</dt>
                    <dd className="break-words">{a.accountHolder}</dd>
                    <dt className="font-semibold text-ink-muted">{t('columns.period')}</dt>
                    <dd>{period(a)}</dd>
                    {bankOf(a) && (
                      <>
                        <dt className="font-semibold text-ink-muted">{t('columns.bank')}</dt>
                        <dd className="break-words">{bankOf(a)}</dd>
                      </>
                    )}
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>
      </Card>

      <Card>
        <section aria-labelledby="add-heading" className="flex flex-col gap-3">
          <h2 id="add-heading" className="text-xl font-semibold text-brand-dark">{t('add.heading')}</h2>
          <p>{t('add.intro')}</p>
          <AddBankAccountForm action={addBankAccountAction} today={isoDate(today)} requestKey={crypto.randomUUID()} holder={`${member.firstName} ${member.lastName}`} />
        </section>
      </Card>
    </div>
  );
}

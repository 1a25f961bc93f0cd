import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { AddressForm, EmailForm, PhoneForm } from '@/components/profile/ContactForms';
import { NameChangeForm } from '@/components/profile/NameChangeForm';
import { SubmitButton } from '@/components/security/SubmitButton';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { addressCountries } from '@/lib/profile/schema';
import { getProfile, listNameChanges, pendingEmailChange } from '@/lib/profile/queries';
import {
  cancelEmailChangeAction,
  changeAddressAction,
  changePhoneAction,
  requestEmailChangeAction,
  requestNameChangeAction,
  withdrawNameChangeAction,
} from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile.data');
  return { title: t('title') };
}

export default async function PersonalDataPage() {
  const { memberId } = await requireSmartMember();
  const [profile, pendingEmail, nameChanges] = await Promise.all([getProfile(memberId), pendingEmailChange(memberId), listNameChanges(memberId)]);
  const t = await getTranslations('profile');
  const format = await getFormatter();
  const locale = await getLocale();
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const countryNames = Object.fromEntries(addressCountries.map((code) => [code, regions.of(code) ?? code]));
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  const country = (addressCountries as readonly string[]).includes(profile.country) ? (profile.country as (typeof addressCountries)[number]) : 'DE';

  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/profil">{t('title')}</BackLink>
      <PageHeading lead={t('data.lead')}>{t('data.title')}</PageHeading>

      <Card>
        <section aria-labelledby="address-heading" className="flex flex-col gap-3">
          <h2 id="address-heading" className="text-xl font-semibold text-brand-dark">{t('data.address.heading')}</h2>
          <AddressForm
            action={changeAddressAction}
            countryNames={countryNames}
            initial={{ street: profile.street, houseNumber: profile.houseNumber, postalCode: profile.postalCode, city: profile.city, country }}
          />
        </section>
      </Card>

      <Card>
        <section aria-labelledby="phone-heading" className="flex flex-col gap-3">
          <h2 id="phone-heading" className="text-xl font-semibold text-brand-dark">{t('data.phone.heading')}</h2>
          <PhoneForm action={changePhoneAction} initial={{ phone: profile.phone ?? '' }} />
        </section>
      </Card>

      <Card>
        <section aria-labelledby="email-heading" className="flex flex-col gap-3">
          <h2 id="email-heading" className="text-xl font-semibold text-brand-dark">{t('data.email.heading')}</h2>
          <p>{t('data.email.current', { email: profile.email })}</p>
          {pendingEmail && (
            <form action={cancelEmailChangeAction} className="flex flex-col gap-2 rounded-lg bg-brand-light p-3 sm:flex-row sm:items-center sm:justify-between">
              <p className="break-words">{t('data.email.pending', { email: pendingEmail.newEmail, until: when(pendingEmail.expiresAt) })}</p>
              <SubmitButton variant="secondary">{t('data.email.cancel')}</SubmitButton>
            </form>
          )}
          <EmailForm action={requestEmailChangeAction} />
        </section>
      </Card>

      <Card>
        <section aria-labelledby="name-heading" className="flex flex-col gap-3">
          <h2 id="name-heading" className="text-xl font-semibold text-brand-dark">{t('data.name.heading')}</h2>
          <p>{t('data.name.intro')}</p>
          {nameChanges.length > 0 && (
            <div>
              <h3 className="font-semibold">{t('data.name.pendingList')}</h3>
              <ul className="mt-2 flex flex-col gap-2">
                {nameChanges.map((c) => (
                  <li key={c.id} className="flex flex-col gap-2 rounded-lg border border-surface-line p-3 sm:flex-row sm:items-center sm:justify-between">
                    <span className="break-words">
                      {t('data.name.item', { name: `${c.firstName} ${c.lastName}`, date: when(c.createdAt) })} · <strong>{t(`data.name.status.${c.status}`)}</strong>
                      {c.decisionNote && <span className="block text-sm text-ink-muted">{c.decisionNote}</span>}
                    </span>
                    {c.status === 'PENDING' && (
                      <form action={withdrawNameChangeAction}>
                        <input type="hidden" name="id" value={c.id} />
                        <SubmitButton variant="secondary">{t('data.name.withdraw')}</SubmitButton>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {!nameChanges.some((c) => c.status === 'PENDING') && <NameChangeForm action={requestNameChangeAction} requestKey={crypto.randomUUID()} />}
        </section>
      </Card>
    </div>
  );
}

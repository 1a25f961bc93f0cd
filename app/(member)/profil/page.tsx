import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { HealthCardProfileLink } from '@/components/health-card/ProfileLink';
import { ProfileSecurityLink } from '@/components/security/ProfileSecurityLink';
import { SettingsLink } from '@/components/mailbox/SettingsLink';
import { SmartStatusCard } from '@/components/identity/SmartStatusCard';
import { Card, PageHeading } from '@/components/ui/Card';
import { LinkCard } from '@/components/ui/LinkCard';
import { requireMember } from '@/lib/auth/session';
import { getProfile } from '@/lib/profile/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile');
  return { title: t('title') };
}

export default async function ProfilePage() {
  const { memberId, member } = await requireMember();
  const profile = await getProfile(memberId);
  const t = await getTranslations('profile');
  const common = await getTranslations('common');
  const format = await getFormatter();
  const locale = await getLocale();
  // Birth dates are calendar dates stored at UTC midnight: format them in UTC so no day shifts.
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  const rows: [string, string][] = [
    [t('fields.name'), `${profile.firstName} ${profile.lastName}`],
    [t('fields.kvnr'), profile.kvnr],
    [t('fields.birthDate'), date(profile.birthDate)],
    [t('fields.address'), `${profile.street} ${profile.houseNumber}, ${profile.postalCode} ${profile.city}${profile.country === 'DE' ? '' : `, ${new Intl.DisplayNames([locale], { type: 'region' }).of(profile.country) ?? profile.country}`}`],
    [t('fields.phone'), profile.phone ?? t('notProvided')],
    [t('fields.email'), profile.email],
    [t('fields.membershipType'), common(`membershipType.${profile.membershipType}`)],
    [t('fields.level'), common(`level.${profile.level}`)],
  ];
  if (profile.familyHead) rows.push([t('fields.familyHead'), `${profile.familyHead.firstName} ${profile.familyHead.lastName}`]);

  return (
    <div className="flex flex-col gap-6">
      <PageHeading>{t('title')}</PageHeading>
      <SmartStatusCard level={member.level} smarthealthUnlocked={member.smarthealthUnlocked} />
      <Card>
        <h2 className="mb-3 text-xl font-semibold text-brand-dark">{t('personalData')}</h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold text-ink-muted">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {profile.familyMembers.length > 0 && (
        <Card>
          <h2 className="mb-3 text-xl font-semibold text-brand-dark">{t('family')}</h2>
          <ul className="flex flex-col gap-1">
            {profile.familyMembers.map((m) => (
              <li key={`${m.firstName}-${m.birthDate.toISOString()}`}>
                {m.firstName} {m.lastName} · {date(m.birthDate)}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <div className="grid gap-3 md:grid-cols-2">
        <LinkCard href="/profil/daten" icon="user" title={t('links.data.title')} text={t('links.data.text')} />
        <LinkCard href="/profil/bankverbindungen" icon="euro" title={t('links.bank.title')} text={t('links.bank.text')} />
        <LinkCard href="/profil/meine-daten" icon="document" title={t('links.export.title')} text={t('links.export.text')} />
        <LinkCard href="/profil/zugriffsprotokoll" icon="key" title={t('links.accessLog.title')} text={t('links.accessLog.text')} />
        <LinkCard href="/mehr" icon="sliders" title={t('links.more.title')} text={t('links.more.text')} />
      </div>
      <HealthCardProfileLink />
      <ProfileSecurityLink />
      <SettingsLink />
    </div>
  );
}

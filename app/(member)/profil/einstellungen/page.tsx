import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/shell/LanguageSwitch';
import { BackLink } from '@/components/ui/BackLink';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { smartAccess } from '@/lib/auth/access';
import { requireMember } from '@/lib/auth/session';
import { setAppCommunicationAction } from './actions';
import { consentHistory } from '@/lib/mailbox/app-communication';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings');
  return { title: t('title') };
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ gespeichert?: string }> }) {
  const session = await requireMember();
  const t = await getTranslations('settings');
  const format = await getFormatter();
  const smart = smartAccess(session).ok;
  const enabled = session.member.appCommunication;
  const history = await consentHistory(session.memberId);
  const saved = (await searchParams).gespeichert === '1';

  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/profil">
        {t('back')}
      </BackLink>
      <PageHeading>{t('title')}</PageHeading>
      <Card>
        <h2 id="app-kommunikation" className="text-xl font-semibold text-brand-dark">
          {t('appCommunication.title')}
        </h2>
        <p className="mt-2">{t('appCommunication.lead')}</p>
        {saved && (
          <div className="mt-3">
            <Banner tone="success">{t('appCommunication.saved')}</Banner>
          </div>
        )}
        <form action={setAppCommunicationAction} className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="font-semibold" data-testid="app-communication-state">
            {enabled ? t('appCommunication.on') : t('appCommunication.off')}
          </p>
          <input type="hidden" name="enabled" value={enabled ? 'off' : 'on'} />
          <button type="submit" className={buttonClass(enabled ? 'secondary' : 'primary')}>
            {enabled ? t('appCommunication.disable') : t('appCommunication.enable')}
          </button>
        </form>
        {!smart && <p className="mt-3 text-ink-muted">{t(session.member.level === 'SMART' ? 'appCommunication.deviceNote' : 'appCommunication.basicNote')}</p>}
        <h3 className="mt-6 font-semibold">{t('appCommunication.history')}</h3>
        {history.length === 0 ? (
          <p className="mt-1 text-ink-muted">{t('appCommunication.historyEmpty')}</p>
        ) : (
          <ol className="mt-2 divide-y divide-surface-line">
            {history.map((entry) => (
              <li key={entry.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-6">
                <time dateTime={entry.changedAt.toISOString()} className="sm:w-56">
                  {format.dateTime(entry.changedAt, { dateStyle: 'medium', timeStyle: 'medium' })}
                </time>
                <span className="font-semibold" data-testid="consent-choice">
                  {entry.enabled ? t('appCommunication.historyEnabled') : t('appCommunication.historyDisabled')}
                </span>
                <span className="text-ink-muted">
                  {entry.source === 'registration' || entry.source === 'settings' ? t(`appCommunication.sources.${entry.source}`) : entry.source}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card>
        <h2 className="text-xl font-semibold text-brand-dark">{t('language.title')}</h2>
        <p className="mb-2 mt-1 text-sm text-ink-muted">{t('language.hint')}</p>
        <LanguageSwitch />
      </Card>
    </div>
  );
}

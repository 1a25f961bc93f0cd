import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Banner } from '@/components/ui/Banner';
import { Card } from '@/components/ui/Card';
import { env } from '@/lib/config/env';
import { demoOutbox } from '@/lib/identity/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('identity.devOutbox');
  return { title: t('title') };
}

/** Links in a mail's text, clickable; everything else stays text. */
function withLinks(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="break-all font-semibold text-brand underline underline-offset-4">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** The demo's stand-in for a mail client: what the outbox would have sent. Absent unless switched on. */
export default async function DemoOutboxPage() {
  // Off unless DEMO_MAIL_VIEW=1 (npm run demo): the mails hold every member's single-use links.
  if (!env().demoMailView) notFound();
  const t = await getTranslations('identity.devOutbox');
  const format = await getFormatter();
  const mails = await demoOutbox();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <Banner tone="warning">{t('intro')}</Banner>
      {mails.length === 0 && <p>{t('empty')}</p>}
      {mails.map((mail) => (
        <Card key={mail.id}>
          <h2 className="font-semibold">{mail.subject}</h2>
          <p className="text-sm text-ink-muted">
            {t('meta', { to: mail.to, time: format.dateTime(mail.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
          </p>
          <p className="mt-2 whitespace-pre-wrap break-words">{withLinks(mail.text)}</p>
        </Card>
      ))}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { LetterActions } from '@/components/mailbox/LetterActions';
import { LetterText } from '@/components/mailbox/LetterText';
import { BackLink } from '@/components/ui/BackLink';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { Icon } from '@/components/ui/Icon';
import { requireSmartMember } from '@/lib/auth/access';
import { markLetterOpened } from '@/lib/mailbox/commands';
import { getLetterText } from '@/lib/mailbox/letter-text';
import { getLetter } from '@/lib/mailbox/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mailbox');
  return { title: t('title') };
}

export default async function LetterPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ gesendet?: string }> }) {
  const session = await requireSmartMember();
  const t = await getTranslations('mailbox');
  const { id } = await params;
  const [letter, text] = await Promise.all([getLetter(session.memberId, id), getLetterText(session.memberId, id)]);
  if (!letter) notFound();
  const incoming = letter.kind === 'LETTER';
  // Opening a letter reads it; the member can mark it unread again.
  if (incoming && !letter.readAt && !session.impersonation) await markLetterOpened(session.memberId, letter.id);
  const format = await getFormatter();
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  const justSent = (await searchParams).gesendet === '1';

  const facts: [string, string][] = [
    [incoming ? t('letter.deliveredAt') : t('letter.sentAt'), dateTime(letter.deliveredAt)],
    [t('letter.category'), t(`category.${letter.category}`)],
  ];
  if (letter.retentionUntil) facts.push([t('letter.keptUntil'), format.dateTime(letter.retentionUntil, { dateStyle: 'long', timeZone: 'UTC' })]);

  return (
    <div className="flex flex-col gap-5">
      <BackLink href={letter.folder === 'SENT' ? '/postfach?tab=sent' : letter.folder === 'ARCHIVE' ? '/postfach?tab=archive' : '/postfach'}>
        {t('letter.back')}
      </BackLink>
      <PageHeading>{letter.subject}</PageHeading>
      {justSent && <Banner tone="success">{t('letter.sentBanner')}</Banner>}
      {letter.folder === 'ARCHIVE' && <Banner>{t('letter.archivedBanner')}</Banner>}
      <dl className="-mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-ink-muted">
        {letter.inReplyTo && (
          <>
            <dt className="font-semibold">{t(`kind.${letter.kind}`)}</dt>
            <dd>
              {t('letter.inReplyTo')}{' '}
              <Link href={`/postfach/${letter.inReplyTo.id}`} className="text-brand underline">
                „{letter.inReplyTo.subject}“
              </Link>
            </dd>
          </>
        )}
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      {incoming && (
        <>
          {text ? <LetterText blocks={text} label={t('letter.textLabel', { subject: letter.subject })} /> : <Banner>{t('letter.pdfOnly')}</Banner>}
          {/* The actions follow the text at once: "Antworten" is the first stop after the heading. */}
          <div className="flex flex-col gap-3">
            <div className="flex flex-wrap gap-2">
              <Link href={`/postfach/${letter.id}/antworten`} className={buttonClass('primary')}>
                {t('letter.reply')}
              </Link>
              {letter.fileId && (
                <>
                  <a href={`/api/letters/${letter.id}/pdf`} target="_blank" rel="noopener" className={buttonClass('secondary')}>
                    <Icon name="document" className="h-5 w-5" />
                    {t('letter.openPdf')}
                    <span className="sr-only">{t('letter.newTab')}</span>
                  </a>
                  <a href={`/api/letters/${letter.id}/pdf?download=1`} className={buttonClass('secondary')} download>
                    {t('letter.download')}
                  </a>
                </>
              )}
            </div>
            <LetterActions letterId={letter.id} read archived={letter.folder === 'ARCHIVE'} />
            {letter.fileId && <p className="text-sm text-ink-muted">{t('letter.pdfIsLegal')}</p>}
          </div>
        </>
      )}

      {!incoming && (
        <Card>
          {letter.body && (
            <>
              <h2 className="text-lg font-semibold text-brand-dark">{t('letter.yourText')}</h2>
              <p className="mt-2 whitespace-pre-wrap break-words">{letter.body}</p>
            </>
          )}
          {letter.attachments.length > 0 && (
            <>
              <h2 className="mt-4 text-lg font-semibold text-brand-dark">{t('letter.files')}</h2>
              <ul className="mt-2 flex flex-col gap-1">
                {letter.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/api/letters/${letter.id}/attachments/${a.id}`} className="break-all text-brand underline">
                      {a.fileName}
                    </a>{' '}
                    <span className="text-sm text-ink-muted">({Math.max(1, Math.round(a.file.size / 1024))} KB)</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      )}

      {incoming && (
        <section aria-labelledby="thread-heading">
          <h2 id="thread-heading" className="mb-3 text-xl font-semibold text-brand-dark">
            {t('letter.thread')}
          </h2>
          {letter.replies.length === 0 ? (
            <p className="text-ink-muted">{t('letter.noReplies')}</p>
          ) : (
            <ol className="flex flex-col gap-3 border-l-4 border-brand-light pl-4">
              {letter.replies.map((reply) => (
                <li key={reply.id}>
                  <Card>
                    <p className="text-sm text-ink-muted">
                      {t('letter.sentAt')} {dateTime(reply.deliveredAt)}
                    </p>
                    <Link href={`/postfach/${reply.id}`} className="font-semibold text-brand underline">
                      {reply.subject}
                    </Link>
                    {reply.body && <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words">{reply.body}</p>}
                    {reply.attachments.length > 0 && <p className="mt-1 text-sm text-ink-muted">{reply.attachments.map((a) => a.fileName).join(', ')}</p>}
                  </Card>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}

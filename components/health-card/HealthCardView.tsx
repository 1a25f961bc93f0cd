import { getFormatter, getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { formatVerificationCode } from '@/lib/certificates/code';
import { verificationUrl } from '@/lib/pdf/letterhead';

type Props = {
  card: { validFrom: Date; validUntil: Date; verificationCode: string };
  member: { firstName: string; lastName: string; birthDate: Date; kvnr: string };
};

/** The replacement certificate as a card on screen and on paper (the print view prints only this). */
export async function HealthCardView({ card, member }: Props) {
  const t = await getTranslations('healthCard.card');
  const common = await getTranslations('common');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  const url = verificationUrl(card.verificationCode);
  // The same QR code as the PDF: a practice scans it to open the public verification page.
  const qr = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  const rows: [string, string][] = [
    [t('name'), `${member.firstName} ${member.lastName}`],
    [t('birthDate'), day(member.birthDate)],
    [t('kvnr'), member.kvnr],
    [t('insurer'), common('insurer')],
    [t('validity'), t('validityRange', { validFrom: day(card.validFrom), validUntil: day(card.validUntil) })],
    [t('code'), formatVerificationCode(card.verificationCode)],
  ];
  return (
    <div id="health-card" className="rounded-2xl border-2 border-brand bg-gradient-to-br from-brand-light to-surface p-5 print:border-black">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-dark">{t('subtitle')}</p>
      <p className="text-xl font-bold text-brand-dark">{common('insurer')}</p>
      <dl className="mt-4 grid gap-x-4 gap-y-1 sm:grid-cols-[11rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm font-semibold text-ink-muted">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-center">
        <div role="img" aria-label={t('qrLabel')} className="h-28 w-28 shrink-0 bg-white p-1" dangerouslySetInnerHTML={{ __html: qr }} />
        <p className="break-words text-sm text-ink-muted [overflow-wrap:anywhere]">{t('verifyHint', { url })}</p>
      </div>
    </div>
  );
}

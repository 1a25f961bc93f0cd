import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { HealthCardView } from '@/components/health-card/HealthCardView';
import { PrintButton } from '@/components/health-card/PrintButton';
import { BackLink } from '@/components/ui/BackLink';
import { PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { findReplacement } from '@/lib/health-card/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('healthCard.print');
  return { title: t('title') };
}

// On paper only the card: the portal's header, navigation and footer, and this page's own controls, are hidden.
const printStyles = `@media print {
  body header, body nav, body footer, .print-hidden { display: none !important; }
  body, main { background: #fff !important; }
  #health-card { break-inside: avoid; }
}`;

export default async function HealthCardPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSmartMember();
  const t = await getTranslations('healthCard');
  const { id } = await params;
  const card = await findReplacement(session.memberId, id);
  if (!card || card.status === 'pending') notFound();
  return (
    <div className="flex flex-col gap-4">
      <style>{printStyles}</style>
      <div className="print-hidden flex flex-col gap-3">
        <BackLink href="/profil/gesundheitskarte">
          {t('print.back')}
        </BackLink>
        <PageHeading lead={t('print.hint')}>{t('print.title')}</PageHeading>
        <PrintButton label={t('card.print')} />
      </div>
      <HealthCardView card={card} member={session.member} />
    </div>
  );
}

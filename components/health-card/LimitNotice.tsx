import { getTranslations } from 'next-intl/server';
import { Banner } from '@/components/ui/Banner';

/** The fifth request of a year is refused: a replacement is then only available by phone. */
export async function LimitNotice() {
  const t = await getTranslations('healthCard.limit');
  return (
    <Banner tone="warning" title={t('title')}>
      <p>
        {t('text')}{' '}
        <a href="tel:+498000213213" className="font-semibold text-brand-dark underline underline-offset-4">
          {t('phone')}
        </a>{' '}
        {t('phoneHint')}
      </p>
    </Banner>
  );
}

import { getTranslations } from 'next-intl/server';
import { Banner } from '@/components/ui/Banner';
import { PageHeading } from '@/components/ui/Card';

/**
 * A legal page from the "legal" catalogue: title, lead, the template notice, then its sections in
 * catalogue order (a line break in a body is a new line, as in an address).
 */
export async function LegalText({ page }: { page: 'impressum' | 'privacy' | 'accessibility' }) {
  const t = await getTranslations('legal');
  const sections = t.raw(`${page}.sections`) as Record<string, { title: string; body: string }>;
  return (
    <article className="hyphens-auto break-words">
      <PageHeading lead={t(`${page}.lead`)}>{t(`${page}.title`)}</PageHeading>
      <Banner tone="warning">{t('template')}</Banner>
      {Object.entries(sections).map(([key, section]) => (
        <section key={key} aria-labelledby={`section-${key}`} className="mt-6">
          <h2 id={`section-${key}`} className="text-xl font-semibold text-brand-dark">
            {section.title}
          </h2>
          {section.body.split('\n').map((line, i) => (
            <p key={i} className="mt-2 max-w-prose">
              {line}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('easyLanguage');
  return { title: t('title') };
}

type Section = { title: string; lines: Record<string, string> };

/**
 * The core of the portal in Leichte Sprache (BITV 2.0 § 4: what the offer is, how to use it, where to
 * get help): one statement per line, short words, compound words split with a Mediopunkt.
 */
export default async function EasyLanguagePage() {
  const t = await getTranslations('easyLanguage');
  const sections = Object.entries(t.raw('sections') as Record<string, Section>);
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p className="mt-2 text-lg">{t('lead')}</p>
      {sections.map(([key, section]) => (
        <section key={key} className="mt-8" aria-labelledby={`ls-${key}`}>
          <h2 id={`ls-${key}`} className="text-xl font-semibold text-brand-dark">
            {section.title}
          </h2>
          <ul className="mt-3 flex flex-col gap-2 text-lg leading-relaxed">
            {Object.entries(section.lines).map(([n, line]) => (
              <li key={n}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
      <Link href="/login" className={buttonClass('primary', 'mt-8')}>
        {t('toLogin')}
      </Link>
    </Card>
  );
}

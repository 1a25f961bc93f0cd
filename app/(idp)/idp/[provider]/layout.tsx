import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { simulatedProvider } from '@/lib/identity/simulator/guard';

// Each simulated provider looks like a service of its own, not like the portal.
const looks = {
  nect: { header: 'bg-[#24124d] text-white', page: 'bg-[#f3f0fa]' },
  eid: { header: 'bg-[#003a5d] text-white', page: 'bg-[#eef3f7]' },
  gesundheitsid: { header: 'bg-[#0a5c43] text-white', page: 'bg-[#eef6f2]' },
} as const;

export default async function SimulatedProviderLayout({ children, params }: { children: ReactNode; params: Promise<{ provider: string }> }) {
  const provider = simulatedProvider((await params).provider);
  if (!provider) notFound();
  const t = await getTranslations('idp');
  const look = looks[provider];
  return (
    <div className={`flex min-h-screen flex-col ${look.page}`}>
      <header className={look.header}>
        <div className="mx-auto flex max-w-xl items-center justify-between gap-3 px-4 py-4">
          <p className="text-xl font-bold tracking-tight">{t(`${provider}.name`)}</p>
          <p className="rounded-full border border-white px-3 py-0.5 text-sm">{t('simulation')}</p>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-xl px-4 pb-6 text-center text-sm text-[#3d3d3d]">{t('footer')}</footer>
    </div>
  );
}

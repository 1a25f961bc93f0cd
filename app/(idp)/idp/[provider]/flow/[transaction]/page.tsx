import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SimulatorFlow } from '@/components/identity/simulator/SimulatorFlow';
import { loadTransaction, SIMULATED_PIN, SIMULATED_PUK } from '@/lib/identity/simulator/flow';
import { simulatedProvider } from '@/lib/identity/simulator/guard';
import { enterPin, enterPuk, finish } from './actions';

export async function generateMetadata({ params }: { params: Promise<{ provider: string }> }): Promise<Metadata> {
  const t = await getTranslations('idp');
  const provider = simulatedProvider((await params).provider);
  return { title: { absolute: provider ? t(`${provider}.name`) : t('simulation') } };
}

export default async function SimulatedProviderFlow({ params }: { params: Promise<{ provider: string; transaction: string }> }) {
  const { provider: raw, transaction: transactionId } = await params;
  const provider = simulatedProvider(raw);
  if (!provider) notFound();
  const t = await getTranslations('idp');
  const transaction = /^[0-9a-f-]{36}$/.test(transactionId) ? await loadTransaction(provider, transactionId) : null;
  if (!transaction) {
    return (
      <div className="rounded-2xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">{t('expired.title')}</h1>
        <p className="mt-2">{t('expired.text')}</p>
      </div>
    );
  }
  return (
    <SimulatorFlow
      provider={provider}
      transactionId={transaction.id}
      person={transaction.person}
      needsKvnr={!transaction.loginHint}
      pinBlocked={transaction.pinBlocked}
      testPin={SIMULATED_PIN}
      testPuk={SIMULATED_PUK}
      actions={{ finish, enterPin, enterPuk }}
    />
  );
}

'use client';

import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { ProviderId } from '@/lib/identity/config';
import type { FinishChoice, FinishResult, PinResult, PukResult } from '@/lib/identity/simulator/flow';
import { identityVariants, simulatorOutcomes, type IdentityClaims, type IdentityVariant, type SimulatorOutcome } from '@/lib/identity/simulator/options';

type Actions = {
  finish: (provider: string, transactionId: string, choice: FinishChoice) => Promise<FinishResult>;
  enterPin: (transactionId: string, pin: string) => Promise<PinResult>;
  enterPuk: (transactionId: string, puk: string) => Promise<PukResult>;
};

type Props = {
  provider: ProviderId;
  transactionId: string;
  person: IdentityClaims | null;
  needsKvnr: boolean;
  pinBlocked: boolean;
  testPin: string;
  testPuk: string;
  actions: Actions;
};

const steps: Record<ProviderId, string[]> = {
  nect: ['document', 'front', 'back', 'selfie', 'send'],
  eid: ['front', 'scan', 'pin', 'rescan', 'send'],
  gesundheitsid: ['consent'],
};

const accent: Record<ProviderId, string> = {
  nect: 'bg-[#5a2fc2] hover:bg-[#24124d]',
  eid: 'bg-[#005a8c] hover:bg-[#003a5d]',
  gesundheitsid: 'bg-[#0a7a59] hover:bg-[#0a5c43]',
};

/**
 * The steps of a simulated provider (no camera, no card reader: buttons stand for them) and the test
 * panel that chooses how the "check" ends. The answer goes back to the portal by redirect.
 */
export function SimulatorFlow({ provider, transactionId, person, needsKvnr, pinBlocked, testPin, testPuk, actions }: Props) {
  const t = useTranslations('idp');
  const format = useFormatter();
  const [step, setStep] = useState(steps[provider][0] ?? 'consent');
  const [outcome, setOutcome] = useState<SimulatorOutcome>('success');
  const [variant, setVariant] = useState<IdentityVariant>('record');
  const [eidEnabled, setEidEnabled] = useState(true);
  const [kvnr, setKvnr] = useState('');
  const [pin, setPin] = useState('');
  const [puk, setPuk] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const go = (next: string) => {
    setMessage(null);
    setStep(next);
  };

  const send = (chosen: SimulatorOutcome) =>
    startTransition(async () => {
      const result = await actions.finish(provider, transactionId, { outcome: chosen, variant, kvnr: kvnr || undefined });
      if (result.ok) window.location.assign(result.redirectTo);
      else setMessage(t(`errors.${result.error}`));
    });

  const submitPin = () =>
    startTransition(async () => {
      const result = await actions.enterPin(transactionId, pin);
      setPin('');
      if (result.status === 'ok') go('rescan');
      else if (result.status === 'blocked') go('blocked');
      else if (result.status === 'wrong') setMessage(t('eid.pinWrong', { remaining: result.remaining }));
      else if (result.status === 'rate_limited') {
        setMessage(t('eid.pinRateLimited', { time: format.dateTime(new Date(Date.now() + result.retryAfterSeconds * 1000), { timeStyle: 'short' }) }));
      } else setMessage(t('errors.expired'));
    });

  const submitPuk = () =>
    startTransition(async () => {
      const result = await actions.enterPuk(transactionId, puk);
      setPuk('');
      if (result === 'ok') go('pin');
      else setMessage(t(result === 'wrong' ? 'eid.pukWrong' : result === 'rate_limited' ? 'eid.pukRateLimited' : 'errors.expired'));
    });

  const primary = `inline-flex min-h-11 items-center justify-center rounded-full px-6 py-2.5 font-semibold text-white disabled:opacity-60 ${accent[provider]}`;
  const secondary = 'inline-flex min-h-11 items-center justify-center rounded-full border-2 border-[#3d3d3d] px-6 py-2.5 font-semibold text-[#1a1a1a]';
  const stepIndex = steps[provider].indexOf(step);

  const screen = (title: string, body: ReactNode, action: ReactNode) => (
    <section className="flex flex-col gap-4 rounded-2xl bg-white p-6 shadow-sm" aria-labelledby="step-heading">
      {stepIndex >= 0 && steps[provider].length > 1 && (
        <p className="text-sm font-semibold text-[#4a4a4a]">{t('progress', { current: stepIndex + 1, total: steps[provider].length })}</p>
      )}
      <h1 id="step-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-[#1a1a1a] focus:outline-none">
        {title}
      </h1>
      {body}
      <div aria-live="polite">{message && <p className="rounded-lg border-l-4 border-[#b00020] bg-[#fdecee] p-3 text-[#1a1a1a]">{message}</p>}</div>
      <div className="flex flex-wrap gap-3">{action}</div>
    </section>
  );

  const camera = (label: string) => (
    <div className="flex h-40 items-center justify-center rounded-xl border-2 border-dashed border-[#6b6b6b] bg-[#f7f7f7] text-center text-[#3d3d3d]">{label}</div>
  );

  const next = (label: string, to: string) => (
    <button type="button" className={primary} disabled={pending} onClick={() => go(to)}>
      {label}
    </button>
  );

  const cancel = (
    <button type="button" className={secondary} disabled={pending} onClick={() => send('cancelled')}>
      {t('cancel')}
    </button>
  );

  let content: ReactNode;
  if (provider === 'nect') {
    if (step === 'document') {
      content = screen(
        t('nect.document.title'),
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2">{t('nect.document.legend')}</legend>
          {(['id_card', 'residence_permit', 'passport'] as const).map((doc, i) => (
            <label key={doc} className="flex items-center gap-3 rounded-xl border-2 border-[#d0d0d0] p-3">
              <input type="radio" name="document" value={doc} defaultChecked={i === 0} className="h-5 w-5 shrink-0 accent-brand" />
              {t(`nect.document.${doc}`)}
            </label>
          ))}
        </fieldset>,
        <>
          {next(t('next'), 'front')}
          {cancel}
        </>,
      );
    } else if (step === 'front') {
      content = screen(t('nect.front.title'), <>{camera(t('nect.front.camera'))}<p>{t('nect.front.text')}</p></>, <>{next(t('nect.front.action'), 'back')}{cancel}</>);
    } else if (step === 'back') {
      content = screen(t('nect.back.title'), <>{camera(t('nect.back.camera'))}<p>{t('nect.back.text')}</p></>, <>{next(t('nect.back.action'), 'selfie')}{cancel}</>);
    } else if (step === 'selfie') {
      content = screen(
        t('nect.selfie.title'),
        <>
          {camera(t('nect.selfie.camera'))}
          <p>{t('nect.selfie.text')}</p>
          <p className="text-center text-2xl font-bold tracking-wide">{t('nect.selfie.words')}</p>
        </>,
        <>{next(t('nect.selfie.action'), 'send')}{cancel}</>,
      );
    } else {
      content = screen(t('nect.send.title'), <p>{t('nect.send.text')}</p>, <>
        <button type="button" className={primary} disabled={pending} onClick={() => send(outcome)}>{t('nect.send.action')}</button>
        {cancel}
      </>);
    }
  } else if (provider === 'eid') {
    if (step === 'front') {
      content = screen(t('eid.front.title'), <>{camera(t('eid.front.camera'))}<p>{t('eid.front.text')}</p></>, <>{next(t('eid.front.action'), 'scan')}{cancel}</>);
    } else if (step === 'scan') {
      content = screen(t('eid.scan.title'), <p>{t('eid.scan.text')}</p>, <>
        {next(t('eid.scan.action'), !eidEnabled ? 'disabled' : pinBlocked ? 'blocked' : 'pin')}
        {cancel}
      </>);
    } else if (step === 'pin') {
      content = screen(
        t('eid.pin.title'),
        <div className="flex flex-col gap-1.5">
          <label htmlFor="eid-pin" className="font-semibold">{t('eid.pin.label')}</label>
          <p id="eid-pin-hint" className="text-sm text-[#4a4a4a]">{t('eid.pin.hint')}</p>
          <input
            id="eid-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            aria-describedby="eid-pin-hint"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            className="min-h-11 w-40 rounded-lg border-2 border-[#6b6b6b] px-3 text-xl tracking-[0.4em]"
          />
        </div>,
        <>
          <button type="button" className={primary} disabled={pending || pin.length !== 6} onClick={submitPin}>{t('eid.pin.action')}</button>
          {cancel}
        </>,
      );
    } else if (step === 'rescan') {
      content = screen(t('eid.rescan.title'), <p>{t('eid.rescan.text')}</p>, <>{next(t('eid.rescan.action'), 'send')}{cancel}</>);
    } else if (step === 'blocked') {
      content = screen(
        t('eid.blocked.title'),
        <>
          <p>{t('eid.blocked.text')}</p>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="eid-puk" className="font-semibold">{t('eid.blocked.pukLabel')}</label>
            <input id="eid-puk" type="password" inputMode="numeric" autoComplete="off" maxLength={10} value={puk} onChange={(e) => setPuk(e.target.value.replace(/\D/g, ''))} className="min-h-11 w-48 rounded-lg border-2 border-[#6b6b6b] px-3 text-xl" />
          </div>
        </>,
        <>
          <button type="button" className={primary} disabled={pending || puk.length !== 10} onClick={submitPuk}>{t('eid.blocked.pukAction')}</button>
          <button type="button" className={secondary} disabled={pending} onClick={() => send('pin_blocked')}>{t('eid.blocked.back')}</button>
        </>,
      );
    } else if (step === 'disabled') {
      content = screen(
        t('eid.disabled.title'),
        <>
          <p>{t('eid.disabled.text')}</p>
          <p>{t('eid.disabled.meanwhile')}</p>
          <a href="https://www.pin-ruecksetzbrief-bestellen.de" rel="noopener noreferrer" target="_blank" className="font-semibold text-[#005a8c] underline underline-offset-4">
            {t('eid.disabled.link')}
          </a>
        </>,
        <button type="button" className={primary} disabled={pending} onClick={() => send('eid_disabled')}>{t('eid.disabled.back')}</button>,
      );
    } else {
      content = screen(t('eid.send.title'), <p>{t('eid.send.text')}</p>, <>
        <button type="button" className={primary} disabled={pending} onClick={() => send('success')}>{t('eid.send.action')}</button>
        {cancel}
      </>);
    }
  } else {
    content = screen(t('gesundheitsid.consent.title'), <>
      <p>{t('gesundheitsid.consent.text')}</p>
      <ul className="ml-5 list-disc">
        <li>{t('gesundheitsid.consent.name')}</li>
        <li>{t('gesundheitsid.consent.birthDate')}</li>
        <li>{t('gesundheitsid.consent.kvnr')}</li>
      </ul>
    </>, <>
      <button type="button" className={primary} disabled={pending || (needsKvnr && !kvnr)} onClick={() => send(outcome)}>{t('gesundheitsid.consent.action')}</button>
      {cancel}
    </>);
  }

  const outcomes = simulatorOutcomes[provider].filter((o) => o !== 'cancelled' && o !== 'eid_disabled' && o !== 'pin_blocked');

  return (
    <div className="flex flex-col gap-6">
      {content}
      <section aria-labelledby="test-panel" className="rounded-2xl border-2 border-dashed border-[#8a5a00] bg-[#fff8e6] p-5 text-[#1a1a1a]">
        <h2 id="test-panel" className="text-lg font-bold">{t('panel.title')}</h2>
        <p className="mt-1 text-sm">{t('panel.intro')}</p>
        {person && (
          <p className="mt-2 text-sm">
            {t('panel.person', { name: `${person.given_name} ${person.family_name}`, birthDate: format.dateTime(new Date(person.birthdate), { dateStyle: 'medium', timeZone: 'UTC' }), kvnr: person.kvnr })}
          </p>
        )}
        {needsKvnr && (
          <div className="mt-3 flex flex-col gap-1.5">
            <label htmlFor="panel-kvnr" className="font-semibold">{t('panel.kvnr')}</label>
            <input id="panel-kvnr" value={kvnr} onChange={(e) => setKvnr(e.target.value)} className="min-h-11 rounded-lg border-2 border-[#6b6b6b] bg-white px-3" autoCapitalize="characters" />
          </div>
        )}
        {outcomes.length > 1 && (
          <fieldset className="mt-3 flex flex-col gap-1">
            <legend className="font-semibold">{t('panel.outcome')}</legend>
            {outcomes.map((o) => (
              <label key={o} className="flex items-center gap-2">
                <input type="radio" name="panel-outcome" checked={outcome === o} onChange={() => setOutcome(o)} className="h-5 w-5 shrink-0 accent-brand" />
                {t(`panel.outcomes.${o}`)}
              </label>
            ))}
          </fieldset>
        )}
        {provider === 'eid' && (
          <fieldset className="mt-3 flex flex-col gap-1">
            <legend className="font-semibold">{t('panel.card')}</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="panel-card" checked={eidEnabled} onChange={() => setEidEnabled(true)} className="h-5 w-5 shrink-0 accent-brand" />
              {t('panel.cardEnabled')}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="panel-card" checked={!eidEnabled} onChange={() => setEidEnabled(false)} className="h-5 w-5 shrink-0 accent-brand" />
              {t('panel.cardDisabled')}
            </label>
            <p className="text-sm">{t('panel.pins', { pin: testPin, puk: testPuk })}</p>
          </fieldset>
        )}
        <fieldset className="mt-3 flex flex-col gap-1">
          <legend className="font-semibold">{t('panel.identity')}</legend>
          {identityVariants.map((v) => (
            <label key={v} className="flex items-center gap-2">
              <input type="radio" name="panel-identity" checked={variant === v} onChange={() => setVariant(v)} className="h-5 w-5 shrink-0 accent-brand" />
              {t(`panel.variants.${v}`)}
            </label>
          ))}
        </fieldset>
      </section>
    </div>
  );
}

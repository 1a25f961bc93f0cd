import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import { berlinDate, germanDate } from '@/lib/insurance/calendar';
import type { DecisionClock as Clock } from '@/lib/claims/rules/decision-deadline';

/** The date by which the insurer must decide (§ 13 Abs. 3a SGB V), with the rule, and a notice once it has passed. */
export async function DecisionClock({ clock, medicalService, decidedAt }: { clock: Clock; medicalService: boolean; decidedAt: Date | null }) {
  const t = await getTranslations('claims.clock');
  return (
    <section aria-labelledby="clock-title">
      <Card className={clock.passed ? 'border-danger' : ''}>
        <h2 id="clock-title" className="text-lg font-semibold text-brand-dark">
          {t('title')}
        </h2>
        {decidedAt ? <p className="mt-1">{t('decided', { date: germanDate(berlinDate(decidedAt)) })}</p> : <p className="mt-1 font-semibold">{t('deadline', { date: germanDate(clock.deadline) })}</p>}
        {clock.passed && (
          <div role="alert" className="mt-2 rounded-lg border-l-4 border-danger bg-danger-light p-3">
            <p className="font-semibold">{t('passed', { date: germanDate(clock.deadline) })}</p>
            <p className="mt-1 text-sm">{t('passedHint')}</p>
          </div>
        )}
        <p className="mt-2 text-sm text-ink-muted">
          {t('rule')} {t('ruleApplied', { weeks: clock.weeks })} {medicalService ? t('medicalService') : ''}
        </p>
      </Card>
    </section>
  );
}

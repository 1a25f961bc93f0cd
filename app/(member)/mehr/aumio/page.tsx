import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SubmitButton } from '@/components/security/SubmitButton';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireMember } from '@/lib/auth/session';
import { aumioChildren } from '@/lib/programs/aumio';
import { requestAumioCodeAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('aumio');
  return { title: t('title') };
}

export default async function AumioPage() {
  const { memberId } = await requireMember();
  const children = await aumioChildren(memberId);
  const t = await getTranslations('aumio');
  const more = await getTranslations('more');
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/mehr">{more('title')}</BackLink>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <section aria-labelledby="children-heading" className="flex flex-col gap-3">
        <h2 id="children-heading" className="text-xl font-semibold text-brand-dark">{t('children')}</h2>
        {children.length === 0 && (
          <Card>
            <p>{t('noChildren')}</p>
          </Card>
        )}
        {children.map((child) => {
          const name = child.firstName;
          return (
            <Card key={child.id}>
              <h3 className="text-lg font-semibold">{t('child', { name: `${child.firstName} ${child.lastName}`, age: child.age })}</h3>
              {child.code ? (
                <div className="mt-2 flex flex-col gap-2">
                  <p className="font-semibold">{t('code', { name })}</p>
                  <p className="w-fit rounded-lg bg-brand-light px-4 py-2 font-mono text-xl tracking-wider">{child.code}</p>
                  <p>{t('instructions')}</p>
                </div>
              ) : child.eligibility === 'eligible' ? (
                <form action={requestAumioCodeAction} className="mt-3">
                  <input type="hidden" name="childId" value={child.id} />
                  <SubmitButton>{t('request', { name })}</SubmitButton>
                </form>
              ) : (
                <p className="mt-2">{t(child.eligibility === 'too_young' ? 'tooYoung' : 'tooOld', { name, age: child.age })}</p>
              )}
            </Card>
          );
        })}
      </section>
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StaffEnrolment } from '@/components/admin/StaffEnrolment';
import { Banner } from '@/components/ui/Banner';
import { enrolmentStaff } from '@/lib/staff/passkey';
import { completeEnrolmentAction, enrolmentOptionsAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.enrolment'))('title') };
}

/** The one-time enrolment link of a new staff member (npm run staff:create or the administrator's console). */
export default async function StaffEnrolmentPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations('admin.enrolment');
  const staff = typeof token === 'string' ? await enrolmentStaff(token) : null;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      {staff && token ? (
        <>
          <p>{t('intro', { name: staff.name, email: staff.email })}</p>
          <StaffEnrolment token={token} optionsAction={enrolmentOptionsAction} completeAction={completeEnrolmentAction} />
        </>
      ) : (
        <Banner tone="error">{t('invalid')}</Banner>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StaffPasskeyLogin } from '@/components/admin/StaffPasskeyLogin';
import { getStaffSession } from '@/lib/staff/session';
import { staffLoginAction, staffLoginOptionsAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.login'))('title') };
}

export default async function StaffLoginPage() {
  if (await getStaffSession()) redirect('/admin');
  const t = await getTranslations('admin.login');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('intro')}</p>
      <StaffPasskeyLogin optionsAction={staffLoginOptionsAction} loginAction={staffLoginAction} />
    </div>
  );
}

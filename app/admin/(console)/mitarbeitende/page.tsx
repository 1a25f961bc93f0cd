import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CreateStaffForm, NewLinkForm } from '@/components/admin/CreateStaffForm';
import { listStaffAccounts } from '@/lib/staff/accounts';
import { requireStaff } from '@/lib/staff/session';
import { createStaffAction, disableStaffAction, newEnrolmentLinkAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.staff'))('title') };
}

/** Administrators create staff accounts (with a one-time enrolment link) and disable them. */
export default async function StaffAccountsPage() {
  const { staff: me } = await requireStaff('ADMINISTRATOR');
  const t = await getTranslations('admin');
  const accounts = await listStaffAccounts();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-dark">{t('staff.title')}</h1>
      <section aria-labelledby="create" className="flex flex-col gap-3 rounded-lg border border-surface-line bg-surface p-4">
        <h2 id="create" className="text-lg font-semibold">
          {t('staff.create')}
        </h2>
        <CreateStaffForm action={createStaffAction} />
      </section>
      <section aria-labelledby="list" className="flex flex-col gap-3">
        <h2 id="list" className="text-lg font-semibold">
          {t('staff.list')}
        </h2>
        <ul className="flex flex-col gap-2">
          {accounts.map((a) => (
            <li key={a.id} className="flex flex-col gap-2 rounded-lg border border-surface-line bg-surface p-3 sm:flex-row sm:items-start sm:justify-between">
              <div>
                <p className="font-semibold">
                  {a.name} · {t(`roles.${a.role}`)} {a.disabledAt && <span className="text-danger">({t('staff.disabled')})</span>}
                </p>
                <p className="text-sm text-ink-muted break-all">
                  {a.email} · {t('staff.passkeys', { count: a._count.passkeys })}
                </p>
              </div>
              {!a.disabledAt && a.id !== me.id && (
                <div className="flex flex-col gap-2">
                  <NewLinkForm staffId={a.id} action={newEnrolmentLinkAction} />
                  <form action={disableStaffAction}>
                    <input type="hidden" name="staffId" value={a.id} />
                    <button type="submit" className="min-h-11 rounded-lg bg-danger px-3 font-semibold text-white">
                      {t('staff.disable')}
                    </button>
                  </form>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

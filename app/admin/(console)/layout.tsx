import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/shell/ClientMessages';
import { AdminShell } from '@/components/admin/AdminShell';
import { requireStaff } from '@/lib/staff/session';
import { staffLogoutAction } from './actions';

/** Every console page is behind a staff session; each page and action checks its role itself as well. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { staff } = await requireStaff();
  return (
    <AdminShell staff={staff} logoutAction={staffLogoutAction}>
      <ClientMessages namespaces={['admin']}>{children}</ClientMessages>
    </AdminShell>
  );
}

// Creates a staff account (the first administrator, or any staff member) and prints a one-time
// enrolment link, valid 24 hours, at which the staff member registers their passkey. Staff have no password.
//
//   npm run staff:create -- --email anna.admin@hek.de --name "Anna Admin" --role administrator
//
// Roles: support_agent, supervisor, administrator. Uses DATABASE_URL, or the embedded database (stop the
// portal first: PGlite is one process). Links point at APP_URL.
import { parseArgs } from 'node:util';
import { disconnect } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrate';
import { createStaffAccount } from '@/lib/staff/accounts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } });
  const role = values.role?.toUpperCase();
  if (!values.email || !values.name || !role) {
    console.error('Usage: npm run staff:create -- --email <email> --name <name> --role <support_agent|supervisor|administrator>');
    return 2;
  }
  await applyMigrations({ log: () => undefined });
  const result = await createStaffAccount({ email: values.email, name: values.name, role }, null);
  if (!result.ok) {
    console.error(result.error === 'exists' ? `A staff account with ${values.email} exists already.` : 'Invalid email, name or role.');
    return 1;
  }
  console.log(`Created staff account ${result.staffId} (${role.toLowerCase()}).`);
  console.log(`One-time link to register the passkey (valid 24 hours):\n${result.enrolmentLink}`);
  return 0;
}

main()
  .then(async (code) => {
    await disconnect();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnect();
    process.exit(1);
  });

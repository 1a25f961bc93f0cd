import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The schema is split by domain under prisma/schema; migrations keep Prisma's own folder format
// so that `prisma migrate deploy` works on the same folder where the native engine is available.
export default defineConfig({
  schema: path.join('prisma', 'schema'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/placeholder' },
});

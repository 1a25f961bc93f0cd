import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { request } from '@playwright/test';
import { ACR_HIGH, ACR_SUBSTANTIAL, startOidcProvider, type RunningProvider, type TestAccount } from '../integration/identity/oidc-test-provider';
import { expect, loginAs, test as base } from './fixtures';
import type { TestMember } from './test-api';
import {
  createTestDatabase,
  databaseEnv,
  dropTestDatabase,
  findFreePort,
  runNpmScript,
  startNextServer,
  stopNextServer,
  waitUntilAnswering,
} from './test-portal';

// The identification journey against a real OpenID Connect provider (oidc-provider), with no simulator:
// this spec starts its own portal whose Nect points at the provider by configuration alone
// (IDP_NECT_ISSUER, client_secret_post) and whose simulators are off.

type Portal = { url: string; provider: RunningProvider; accounts: TestAccount[]; createMember(): Promise<TestMember> };

const CLIENT = { id: 'hek-portal-e2e', secret: crypto.randomBytes(24).toString('base64url') };

const test = base.extend<object, { portal: Portal }>({
  portal: [
    async ({}, use, workerInfo) => {
      const port = await findFreePort(Number(process.env.E2E_PORT ?? '3100') + 5);
      const url = `http://localhost:${port}`;
      const accounts: TestAccount[] = [];
      const provider = await startOidcProvider({
        accounts,
        clients: [
          {
            client_id: CLIENT.id,
            client_secret: CLIENT.secret,
            token_endpoint_auth_method: 'client_secret_post',
            redirect_uris: [`${url}/api/identity/callback`, `${url}/api/identity/login/callback`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
      });
      const logFile = path.join(workerInfo.project.outputDir, `portal-oidc-${port}.log`);
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      const database = await createTestDatabase();
      const token = process.env.TEST_API_TOKEN ?? '';
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...databaseEnv(database),
        APP_URL: url,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
        PORT: String(port),
        IDP_SIMULATORS: 'off',
        IDP_NECT_ISSUER: provider.issuer,
        IDP_NECT_CLIENT_ID: CLIENT.id,
        IDP_NECT_CLIENT_SECRET: CLIENT.secret,
        IDP_NECT_CLIENT_AUTH: 'client_secret_post',
      };
      let pid: number | undefined;
      try {
        await runNpmScript('db:migrate', { cwd: process.cwd(), env, logFile });
        const server = startNextServer({ cwd: process.cwd(), env, port, logFile });
        pid = server.pid;
        await waitUntilAnswering(`${url}/`, server, logFile, 90_000);
        const createMember = async () => {
          const api = await request.newContext({ baseURL: url, extraHTTPHeaders: { 'x-test-api-token': token } });
          try {
            const response = await api.post('/api/test/members', { data: { level: 'BASIC' } });
            expect(response.ok()).toBe(true);
            return (await response.json()) as TestMember;
          } finally {
            await api.dispose();
          }
        };
        await use({ url, provider, accounts, createMember });
      } finally {
        if (pid) await stopNextServer(pid);
        await provider.close();
        await dropTestDatabase(database);
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ portal }, use) => use(portal.url),
});

async function identifyAtProvider(page: import('@playwright/test').Page, portal: Portal) {
  const member = await portal.createMember();
  // The provider's record of the person: the insurer's test members are born on 12.04.1985.
  portal.accounts.push({
    accountId: `konto-${member.kvnr}`,
    claims: { kvnr: member.kvnr, given_name: member.firstName, family_name: member.lastName, birthdate: '1985-04-12' },
  });
  await loginAs(page, member.kvnr, member.password);
  await page.goto('/smart');
  await page.getByRole('radio', { name: /Robo-Ident/ }).check();
  await page.getByRole('checkbox', { name: /Datenschutzerklärung/ }).check();
  await page.getByRole('button', { name: 'Weiter zu Nect Wallet' }).click();
  // At the real provider: no simulator page, its own sign-in.
  await page.waitForURL((url) => url.origin === portal.provider.issuer);
  await page.getByRole('button', { name: `Anmelden als konto-${member.kvnr}` }).click();
  await page.waitForURL((url) => url.origin === portal.url && url.pathname === '/smart/abschluss');
  await expect(page.getByText('Dieser Browser ist jetzt für smart freigeschaltet.')).toBeVisible();
  return member;
}

test('identification at a real OpenID Connect provider (acr "hoch"): smart and smarthealth, this browser bound', async ({ page, portal }) => {
  portal.provider.setAcr(ACR_HIGH);
  await identifyAtProvider(page, portal);
  await expect(page.getByText('Auch smarthealth ist für Sie freigeschaltet.')).toBeVisible();
  await page.goto('/');
  await expect(page.getByText('Ihre Version: smart')).toBeVisible();
  await expect(page.getByText('Bitte bestätigen Sie diesen Browser')).toHaveCount(0);
});

test('identification at a real provider below "hoch" (acr substantial) leaves smarthealth locked', async ({ page, portal }) => {
  portal.provider.setAcr(ACR_SUBSTANTIAL);
  await identifyAtProvider(page, portal);
  await expect(page.getByText('Für smarthealth identifizieren Sie sich bei Bedarf zusätzlich mit der eID.')).toBeVisible();
});

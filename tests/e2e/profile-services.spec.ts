import type { Page } from '@playwright/test';
import { readZip } from '../helpers/zip';
import { expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import { createTestMember, testApi } from './test-api';

async function confirmWithPassword(page: Page, password: string) {
  const prompt = page.getByTestId('step-up-prompt');
  await expect(prompt).toBeVisible();
  await prompt.getByLabel('Passwort', { exact: true }).fill(password);
  await prompt.getByRole('button', { name: 'Mit Passwort bestätigen' }).click();
}

test('a member sends a message to the app support with the technical data and sees what was sent @mobile', async ({ page }) => {
  const member = await createTestMember({ level: 'BASIC' });
  await loginAs(page, member.kvnr, member.password);
  await page.goto('/mehr/technische-daten');
  const technical = page.getByRole('region', { name: 'Portal und Gerät' });
  await expect(technical.getByText('Chrome', { exact: false }).first()).toBeVisible();
  await expect(technical.getByText('Europe/Berlin')).toBeVisible();

  await page.getByLabel('Betreff').fill('Postfach lädt langsam');
  await page.getByLabel('Ihre Nachricht').fill('Das Öffnen eines Schreibens dauert sehr lange.');
  const preview = page.getByRole('region', { name: 'Das wird gesendet' });
  await expect(preview.getByText(member.kvnr)).toBeHidden();
  await page.getByLabel('Versichertennummer und technische Daten mitsenden').check();
  await expect(preview.getByText(member.kvnr)).toBeVisible();
  await expect(preview.getByText('Europe/Berlin')).toBeVisible();
  await page.getByRole('button', { name: 'Nachricht senden' }).click();

  await page.getByRole('link', { name: 'Gesendete Nachricht ansehen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Postfach lädt langsam' })).toBeVisible();
  await expect(page.getByText(member.kvnr)).toBeVisible();
  await expect(page.getByText('Europe/Berlin')).toBeVisible();
  await expect(page.getByText('Der App-Support hat noch nicht geantwortet.', { exact: false })).toBeVisible();
});

test('@smoke a member downloads their data archive after the step-up and finds their letters and messages in it @mobile', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'appCommunication', enabled: true });
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'deliver', template: 'leistungsbescheid' });
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'answeredConversation' });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);

  await page.goto('/profil/meine-daten');
  await page.getByRole('button', { name: 'Meine Daten anfordern' }).click();
  await expect(page.getByText('Wir stellen Ihr Archiv zusammen.', { exact: false })).toBeVisible();
  // Prepared in the background: the member looks again until it is ready.
  await expect(async () => {
    await page.goto('/profil/meine-daten');
    // Not a substring match: "Wird vorbereitet" contains "bereit".
    await expect(page.getByText(/· Bereit$/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  await confirmWithPassword(page, member.password);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Archiv herunterladen' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^HEK-Meine-Daten-\d{4}-\d{2}-\d{2}\.zip$/);
  const { readFile } = await import('node:fs/promises');
  const files = readZip(await readFile(await download.path()));
  const data = JSON.parse(files.get('meine-daten.json')!.toString('utf8')) as { member: { kvnr: string }; conversations: { subject: string; messages: { body: string }[] }[] };
  expect(data.member.kvnr).toBe(member.kvnr);
  expect(data.conversations.map((c) => c.subject)).toContain('Frage zur Zahnreinigung');
  expect(data.conversations[0]!.messages.map((m) => m.body)).toContain('Übernehmen Sie die Kosten?');
  expect([...files.keys()].some((name) => /^briefe\/.*Bescheid.*\.pdf$/.test(name))).toBe(true);
  expect(files.get('zusammenfassung.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
});

test('a member gets an Aumio code for a child, and finds the same code on a later visit @mobile', async ({ page }) => {
  const member = await createTestMember({ level: 'BASIC' });
  // A family-insured child born 2019-04-01 (lib/testing/claims.ts): between 4 and 12.
  const { childName } = await testApi<{ childName: string }>('POST', '/api/test/claims', { memberId: member.memberId });
  await loginAs(page, member.kvnr, member.password);
  await page.goto('/mehr');
  await page.getByRole('link', { name: /Aumio/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^${childName}, \\d+ Jahre$`) })).toBeVisible();
  await page.getByRole('button', { name: 'Kostenlosen Zugang für Mia anfordern' }).click();
  const code = page.getByText(/^AUMIO-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(code).toBeVisible();
  const issued = await code.textContent();
  await expect(page.getByText('So geht es:', { exact: false })).toBeVisible();

  await page.reload();
  await expect(page.getByText(issued!)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kostenlosen Zugang für Mia anfordern' })).toHaveCount(0);
});

test('a Robo-Ident member is refused smarthealth on every page and route', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);
  // smarthealth has one page (with its filters) and one route, and no server actions.
  for (const path of ['/smarthealth', '/smarthealth?year=2026&kind=DOCTOR_VISIT']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'smarthealth ist noch nicht freigeschaltet' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  }
  for (const path of ['/api/smarthealth/patientenquittung', '/api/smarthealth/patientenquittung?year=2026']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
  }
});

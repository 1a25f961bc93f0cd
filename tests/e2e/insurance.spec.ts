import { execFileSync } from 'node:child_process';
import type { Download, Page } from '@playwright/test';
import { DEMO_SMART } from './demo-members';
import { expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import { createTestMember, outboxFor, testApi } from './test-api';

/** The text of a downloaded PDF, read by a real PDF parser (poppler's pdftotext). */
async function pdfText(download: Download): Promise<string> {
  const file = await download.path();
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return file;
}

/** Logs in as a fresh smart member in this browser and identifies the browser. */
async function freshSmartMember(page: Page) {
  const member = await createTestMember({ level: 'SMART' });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);
  return member;
}

test('a smart member sees the insurance periods with the gap and the wages with yearly sums', async ({ page }) => {
  await loginAs(page, DEMO_SMART.kvnr, DEMO_SMART.password);
  await identifyThisBrowser(page);

  await page.goto('/versicherung');
  await expect(page.getByRole('heading', { level: 1, name: 'Versicherung' })).toBeVisible();
  const periods = page.getByRole('region', { name: 'Versicherungszeiten' });
  await expect(periods.getByText('Nordlicht Software GmbH, Berlin')).toBeVisible();
  await expect(periods.getByText('Lücke: keine Versicherung bei der HEK')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Entgeltmeldungen 2025' })).toBeVisible();
  // Older years are one tap away, each showing its sum before it opens.
  const year2024 = page.locator('summary', { hasText: 'Entgeltmeldungen 2024' });
  await expect(year2024).toContainText('€');
  await year2024.click();
  await expect(page.getByRole('row', { name: /Summe 2024/ })).toContainText('€');
  await page.getByRole('link', { name: 'Bescheinigung erstellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versicherungsbescheinigung' })).toBeVisible();
});

test('a smart member downloads a certificate and it verifies publicly @smoke', async ({ page }) => {
  await loginAs(page, DEMO_SMART.kvnr, DEMO_SMART.password);
  await identifyThisBrowser(page);

  await page.goto('/versicherung/bescheinigung');
  await expect(page.getByRole('heading', { level: 1, name: 'Versicherungsbescheinigung' })).toBeVisible();
  await page.getByRole('radio', { name: /Bescheinigung über Versicherungszeiten/ }).check();
  await page.getByLabel('Zeitraum von').fill('2014-01-01');
  await page.getByLabel('Zeitraum bis').fill('2025-12-31');
  await page.getByRole('button', { name: 'Bescheinigung erstellen' }).click();
  await expect(page.getByText('Ihre Bescheinigung ist erstellt.')).toBeVisible();

  const pdf = await download(page, () => page.getByRole('link', { name: 'PDF herunterladen' }).first().click());
  expect(pdf.suggestedFilename()).toMatch(/^HEK-Versicherungsbescheinigung-.*\.pdf$/);
  const text = await pdfText(pdf);
  expect(text).toContain(DEMO_SMART.name);
  expect(text).toContain(DEMO_SMART.kvnr);
  expect(text).toMatch(/01\.09\.2014\s+30\.06\.2019\s+Pflichtversichert\s+Hanse Logistik GmbH,\s+Hamburg/);
  expect(text).toMatch(/01\.10\.2019\s+31\.12\.2025\s+Pflichtversichert\s+Nordlicht Software\s+GmbH,\s+Berlin/);
  expect(text).toContain('Schmidt');
  const code = /[A-HJ-NP-TW-Z2-9]{4}-[A-HJ-NP-TW-Z2-9]{4}-[A-HJ-NP-TW-Z2-9]{4}/.exec(text)?.[0];
  expect(code, 'verification code printed on the PDF').toBeTruthy();

  // The public verification page, without login.
  await page.context().clearCookies();
  await page.goto('/verifizieren');
  await page.getByLabel('Prüfcode').fill(code ?? '');
  await page.getByRole('button', { name: 'Prüfen' }).click();
  await expect(page.getByText('Echt: Diese Bescheinigung hat die HEK ausgestellt.')).toBeVisible();
  await expect(page.getByText(DEMO_SMART.name)).toBeVisible();
  // What the certificate certifies, not the span asked for: the covered periods and every gap in it.
  const coverage = page.getByTestId('coverage');
  await expect(coverage.getByText('keine Versicherung bei der HEK 1. Januar 2014 bis 31. August 2014')).toBeVisible();
  await expect(coverage.getByText('versichert 1. September 2014 bis 30. Juni 2019')).toBeVisible();
  await expect(coverage.getByText('versichert 1. Oktober 2019 bis 31. Dezember 2025')).toBeVisible();
  await expect(page.getByText(DEMO_SMART.kvnr)).toHaveCount(0);

  await page.goto('/verifizieren?code=ABCD-EFGH-JKMN');
  await expect(page.getByText('Keine Bescheinigung mit diesem Prüfcode gefunden.')).toBeVisible();
});

test("another member's certificate is not found", async ({ page }) => {
  const { certificateId } = await testApi<{ certificateId: string }>('POST', '/api/test/certificates', {
    kvnr: DEMO_SMART.kvnr,
    kind: 'INSURANCE_PERIODS',
    periodFrom: '2014-01-01',
    periodTo: '2025-12-31',
  });
  // The owner gets the PDF; another smart member a 404, as for an id that does not exist.
  await loginAs(page, DEMO_SMART.kvnr, DEMO_SMART.password);
  await identifyThisBrowser(page);
  const href = `/api/certificates/${certificateId}/pdf`;
  expect((await page.request.get(href)).status()).toBe(200);
  await page.context().clearCookies();
  await freshSmartMember(page);
  expect((await page.request.get(href)).status()).toBe(404);
});

test('a smart member requests a digital health card, sees it pending, then ready, and downloads it', async ({ page }) => {
  const member = await freshSmartMember(page);
  await page.goto('/profil');
  await page.getByRole('link', { name: /Digitale Gesundheitskarte/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Digitale Gesundheitskarte' })).toBeVisible();
  await expect(page.getByText('14 Tage gültig', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Neue Gesundheitskarte bestellen' })).toBeVisible();

  await page.getByRole('button', { name: 'Digitale Gesundheitskarte anfordern' }).click();
  await expect(page.getByText('Ihre digitale Gesundheitskarte wurde angefordert.')).toBeVisible();
  await expect(page.getByText(/genutzt: 1 von 4/)).toBeVisible();
  // The e2e portal runs with the default processing time: the card is pending first.
  await expect(page.getByText('Ihre digitale Gesundheitskarte wird erstellt')).toBeVisible();
  // While it is being made, nothing more can be requested; once ready it appears without a reload.
  await expect(page.getByRole('button', { name: 'Karte wird erstellt …' })).toBeDisabled();
  await testApi('POST', '/api/test/health-card', { memberId: member.memberId });

  const card = page.locator('#health-card');
  await expect(card).toContainText(`${member.firstName} ${member.lastName}`, { timeout: 15_000 });
  await expect(card).toContainText(member.kvnr);
  await expect(card).toContainText('bis einschließlich');

  const pdf = await download(page, () => page.getByRole('link', { name: 'Als PDF herunterladen' }).click());
  const text = await pdfText(pdf);
  expect(text).toContain('Digitale Gesundheitskarte – Ersatzbescheinigung');
  expect(text).toContain(`${member.firstName} ${member.lastName}`);
  expect(text).toContain(member.kvnr);
  expect(text).toMatch(/\d{2}\.\d{2}\.\d{4} bis einschließlich \d{2}\.\d{2}\.\d{4}/);
});

/** A fresh smart member with a ready digital health card, on its page. */
async function memberWithReadyCard(page: Page) {
  const member = await freshSmartMember(page);
  await page.goto('/profil/gesundheitskarte');
  await page.getByRole('button', { name: 'Digitale Gesundheitskarte anfordern' }).click();
  await expect(page.getByText('Ihre digitale Gesundheitskarte wurde angefordert.')).toBeVisible();
  await testApi('POST', '/api/test/health-card', { memberId: member.memberId });
  // The page looks again by itself while the card is being made.
  await expect(page.locator('#health-card')).toContainText(member.kvnr, { timeout: 15_000 });
  return member;
}

test('a ready digital health card goes to a practice by mail and prints alone; another member finds neither', async ({ page }) => {
  const member = await memberWithReadyCard(page);
  const pdfHref = await page.getByRole('link', { name: 'Als PDF herunterladen' }).getAttribute('href');

  // Sent to the doctor's practice: the mail carries the code and the verification link.
  const practice = `praxis-${member.kvnr.toLowerCase()}@example.de`;
  await page.getByRole('radio', { name: /andere Adresse/ }).check();
  await page.getByLabel('E-Mail-Adresse').fill(practice);
  await page.getByRole('button', { name: 'E-Mail senden' }).click();
  await expect(page.getByText(`Die E-Mail an ${practice} ist unterwegs.`)).toBeVisible();
  const [mail] = await outboxFor(practice);
  expect(mail?.text).toContain('/verifizieren?code=');

  // The print view shows only the card on paper.
  await page.getByRole('link', { name: 'Druckansicht' }).click();
  await expect(page.getByRole('button', { name: 'Drucken' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation').first()).toBeHidden();
  await expect(page.locator('#health-card')).toBeVisible();
  // The print carries the QR code the PDF has.
  await expect(page.locator('#health-card').getByRole('img', { name: 'QR-Code zur Prüfung der Bescheinigung' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  const printPath = new URL(page.url()).pathname;

  // Another member: the card's PDF and print view are not found.
  await page.context().clearCookies();
  await freshSmartMember(page);
  expect((await page.request.get(pdfHref ?? '')).status()).toBe(404);
  expect((await page.request.get(printPath)).status()).toBe(404);
});

test('a basic member sees what the insurance pages offer and the way to smart', async ({ page }) => {
  const member = await createTestMember({ level: 'BASIC' });
  await loginAs(page, member.kvnr, member.password);
  for (const path of ['/versicherung', '/versicherung/bescheinigung', '/profil/gesundheitskarte']) {
    await page.goto(path);
    await expect(page.getByRole('link', { name: 'Jetzt zu smart wechseln' }).last()).toBeVisible();
  }
});

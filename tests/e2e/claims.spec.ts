import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import { createTestMember, testApi, type TestMember } from './test-api';

// A small real PDF (one empty page) and a 1×1 PNG: the content check accepts only real files.
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]);

/** A calendar day relative to today in Europe/Berlin, as the date input takes it. */
function day(offset: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

type Prepared = { childId: string; childName: string; sicknessCaseId: string; childCaseId: string };

async function memberWithClaims(page: Page): Promise<{ member: TestMember; prepared: Prepared }> {
  const member = await createTestMember({ level: 'SMART' });
  const prepared = await testApi<Prepared>('POST', '/api/test/claims', { memberId: member.memberId });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);
  return { member, prepared };
}

async function childSteps(page: Page, childName: string) {
  await page.getByRole('radio', { name: new RegExp(childName) }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByRole('heading', { name: /Schritt 2 von 3/ })).toBeVisible();
  await page.getByLabel('Erster Tag').fill(day(-3));
  await page.getByLabel('Letzter Tag').fill(day(-1));
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByRole('heading', { name: /Schritt 3 von 3/ })).toBeVisible();
}

test('Krankengeld-Tracking shows the sick notes, the payments, the gap and the days left @smoke @mobile', async ({ page }) => {
  const { prepared } = await memberWithClaims(page);
  await page.goto('/antraege');
  await expect(page.getByRole('heading', { level: 1, name: 'Anträge verfolgen' })).toBeVisible();
  await page.locator(`a[href="/antraege/${prepared.sicknessCaseId}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Krankengeld' })).toBeVisible();

  const notes = page.getByRole('region', { name: /Arbeitsunfähigkeitsbescheinigungen/ });
  await expect(notes.getByRole('row')).toHaveCount(4);
  await expect(notes.getByText(`${german(day(-60))} – ${german(day(-47))}`)).toBeVisible();
  await expect(notes.getByText('Zu spät: mehr als eine Woche nach Beginn')).toBeVisible();
  await expect(page.getByText(`Vom ${german(day(-32))} bis ${german(day(-28))} liegt keine Bescheinigung vor.`)).toBeVisible();
  await expect(page.getByText('Ihre letzte Bescheinigung endet in 2 Tagen.', { exact: false })).toBeVisible();

  // 14 + 14 + 28 days (today included) of 546.
  await expect(page.getByTestId('days-used')).toHaveText('56');
  await expect(page.getByTestId('days-left')).toHaveText('490');

  const payments = page.getByRole('region', { name: 'Zahlungen' });
  await expect(payments.getByRole('row', { name: /14\s+98,50 €\s+1\.379,00 €/ })).toBeVisible();
  await expect(payments.getByText('DE89 **** **** **** **30 00')).toBeVisible();
  await expect(page.getByText('Höchstbetrag 2026: 135,63 € je Tag', { exact: false })).toBeVisible();
});

test('a Kinderkrankengeld draft survives a reload and a new login, and can be discarded @mobile', async ({ page }) => {
  const { member, prepared } = await memberWithClaims(page);
  await page.goto('/antraege/neu/kinderkrankengeld');
  await childSteps(page, prepared.childName);

  await page.reload();
  await expect(page.getByRole('heading', { name: /Schritt 3 von 3/ })).toBeVisible();

  await page.locator('header summary').click();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login\?reason=loggedout$/);
  await loginAs(page, member.kvnr, member.password);
  await page.goto('/antraege');
  await expect(page.getByText(/Kinderkrankengeld: Schritt 3 von 3/)).toBeVisible();
  await page.getByRole('link', { name: 'Fortsetzen' }).click();
  await expect(page.getByRole('heading', { name: /Schritt 3 von 3/ })).toBeVisible();
  await page.getByRole('button', { name: 'Zurück' }).click();
  await expect(page.getByLabel('Erster Tag')).toHaveValue(day(-3));

  await page.getByRole('button', { name: 'Entwurf verwerfen' }).click();
  await expect(page.getByText('Der Entwurf wurde verworfen.')).toBeVisible();
  await expect(page.getByText(/Kinderkrankengeld: Schritt/)).toHaveCount(0);
});

test('submitting Kinderkrankengeld creates the case with its decision date and a receipt with the SHA-256 @mobile', async ({ page }) => {
  const { prepared } = await memberWithClaims(page);
  await page.goto('/antraege/neu/kinderkrankengeld');
  await childSteps(page, prepared.childName);
  await page.getByLabel('Dateien anhängen').setInputFiles([{ name: 'bescheinigung.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  await page.getByRole('checkbox', { name: 'Ich habe die Angaben wahrheitsgemäß gemacht.' }).check();
  await page.getByRole('button', { name: 'Antrag senden' }).click();

  await expect(page.getByText('Ihr Antrag ist eingegangen.', { exact: false })).toBeVisible();
  await expect(page.getByText(`Wir entscheiden spätestens am ${german(day(21))}.`)).toBeVisible();
  await expect(page.getByText('Nach § 13 Abs. 3a SGB V', { exact: false })).toBeVisible();
  const sha = (await page.getByText(/^SHA-256: [0-9a-f]{64}$/).textContent())!.slice('SHA-256: '.length);

  await page.goto('/antraege');
  await expect(page.getByRole('link', { name: new RegExp(`Kinderkrankengeld für ${prepared.childName}.*Eingegangen`) }).first()).toBeVisible();

  await page.goto('/postfach');
  await page.getByRole('link', { name: /Eingangsbestätigung EB-/ }).first().click();
  await page.waitForURL(/\/postfach\/[0-9a-f-]{36}$/);
  const response = await page.request.get(`${new URL(page.url()).pathname.replace('/postfach/', '/api/letters/')}/pdf`);
  expect(response.status()).toBe(200);
  // The receipt letter names the file's SHA-256 (on a line of its own).
  const text = pdfText(await response.body());
  expect(text).toContain('SHA-256:');
  expect(text).toContain(sha);
});

/** The PDF's text as poppler's pdftotext reads it (letters embed their font, so the text is not literal). */
function pdfText(pdfBytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdfBytes }).toString('utf8');
}

test('uploads a missing document into a case; a wrong file type is refused in German @mobile', async ({ page }) => {
  const { prepared } = await memberWithClaims(page);
  await page.goto(`/antraege/${prepared.childCaseId}`);
  await expect(page.getByRole('heading', { name: 'Diese Unterlagen fehlen noch' })).toBeVisible();
  await expect(page.getByText('Ärztliche Bescheinigung (Seite 2)', { exact: true })).toBeVisible();

  await page.getByLabel('Dateien anhängen').setInputFiles([{ name: 'seite2.pdf', mimeType: 'application/pdf', buffer: exe }]);
  await page.getByRole('button', { name: 'Unterlagen senden' }).click();
  await expect(page.getByText('Nichts wurde gesendet.', { exact: false })).toBeVisible();
  await expect(page.getByText('Unterlagen fehlen').first()).toBeVisible();

  await page.reload();
  await page.getByLabel('Dateien anhängen').setInputFiles([{ name: 'seite2.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  await page.getByRole('button', { name: 'Unterlagen senden' }).click();
  await expect(page.getByText('Ihre Unterlagen sind eingegangen.', { exact: false })).toBeVisible();
  await expect(page.getByText('In Prüfung').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /seite2\.pdf/ })).toBeVisible();
});

test('a backwards date range gets a German message and nothing is saved; another member’s case is a 404', async ({ page, browser }) => {
  const { prepared } = await memberWithClaims(page);
  await page.goto('/antraege/neu/kinderkrankengeld');
  await page.getByRole('radio', { name: new RegExp(prepared.childName) }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByLabel('Erster Tag').fill(day(-1));
  await page.getByLabel('Letzter Tag').fill(day(-3));
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByText('Der letzte Tag liegt vor dem ersten. Bitte prüfen Sie die Daten.')).toBeVisible();
  await page.getByLabel('Letzter Tag').fill(day(400));
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByText('Dieser Tag liegt zu weit in der Zukunft.', { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: /Schritt 2 von 3/ })).toBeVisible();
  await expect(page.getByLabel('Erster Tag')).toHaveValue('');

  // Another member, logged in elsewhere, cannot open this member's case.
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const other = await context.newPage();
  const stranger = await createTestMember({ level: 'SMART' });
  await loginAs(other, stranger.kvnr, stranger.password);
  await identifyThisBrowser(other);
  const response = await other.goto(`/antraege/${prepared.sicknessCaseId}`);
  expect(response?.status()).toBe(404);
  await context.close();
});

import { execFileSync } from 'node:child_process';
import { checkA11y, expect, loginAs, test } from './fixtures';
import { createTestMember, testApi } from './test-api';

/** A calendar date n days from today, as a date input takes it. */
function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

test('@mobile a member enrols in BabyCare, answers Profil & Analyse across a reload and downloads the evaluation', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await loginAs(page, member.kvnr, member.password);
  // A stand-in for this browser's binding (the identification journey is tested in identity.spec).
  await testApi('POST', '/api/test/sessions', { memberId: member.memberId, change: 'bind' });

  await page.goto('/mehr');
  await page.getByRole('link', { name: /BabyCare/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'BabyCare' })).toBeVisible();
  await checkA11y(page);

  // Without the consent: a German message, and the date stays as typed.
  await page.getByLabel('Errechneter Geburtstermin').fill(inDays(160));
  await page.getByRole('button', { name: 'Teilnehmen' }).click();
  await expect(page.getByText('Bitte willigen Sie ein, damit wir Ihre Angaben für BabyCare verarbeiten dürfen.')).toBeVisible();
  await expect(page.getByLabel('Errechneter Geburtstermin')).toHaveValue(inDays(160));
  await page.getByRole('checkbox', { name: /Ich willige ein/ }).check();
  await page.getByRole('button', { name: 'Teilnehmen' }).dblclick();
  await page.waitForURL('**/mehr/babycare/fragebogen');

  // Step 1, with a German decimal comma.
  await expect(page.getByRole('heading', { name: 'Schritt 1 von 3: Über Sie' })).toBeVisible();
  await page.getByLabel('Körpergröße in cm').fill('168');
  await page.getByLabel('Gewicht vor der Schwangerschaft in kg').fill('61,5');
  await page.getByRole('group', { name: 'Ist es Ihre erste Schwangerschaft?' }).getByLabel('Nein').check();
  await page.getByRole('button', { name: 'Speichern und weiter' }).click();
  await expect(page.getByText('Bitte wählen Sie eine Antwort.')).toBeVisible();
  await page.getByRole('group', { name: /Erwarten Sie Mehrlinge/ }).getByLabel('Nein').check();
  await page.getByRole('button', { name: 'Speichern und weiter' }).click();
  await expect(page.getByRole('heading', { name: 'Schritt 2 von 3: Ernährung und Bewegung' })).toBeFocused();

  // A reload goes on at step 2: step 1 was saved on the server.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Schritt 2 von 3: Ernährung und Bewegung' })).toBeVisible();
  await page.getByRole('group', { name: 'Rauchen Sie?' }).getByLabel('Ich habe aufgehört').check();
  await page.getByRole('group', { name: 'Trinken Sie Alkohol?' }).getByLabel('Nein').check();
  await page.getByRole('group', { name: 'Wie ernähren Sie sich?' }).getByLabel('Vegetarisch').check();
  await page.getByLabel(/Wie viele Minuten bewegen Sie sich/).fill('viel');
  await page.getByRole('button', { name: 'Speichern und weiter' }).click();
  await expect(page.getByText('Bitte geben Sie ganze Minuten an, zwischen 0 und 3000.')).toBeVisible();
  await page.getByLabel(/Wie viele Minuten bewegen Sie sich/).fill('90');
  await page.getByRole('button', { name: 'Speichern und weiter' }).click();

  // Step 3 asks about earlier pregnancies, since this is not the first; and the way back keeps step 2.
  await expect(page.getByRole('heading', { name: 'Schritt 3 von 3: Gesundheit' })).toBeVisible();
  await page.getByRole('button', { name: 'Zurück' }).click();
  await expect(page.getByLabel(/Wie viele Minuten bewegen Sie sich/)).toHaveValue('90');
  await page.getByRole('button', { name: 'Speichern und weiter' }).click();
  await page.getByLabel('… einen Kaiserschnitt?').check();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Speichern und auswerten' }).click();

  await page.waitForURL('**/mehr/babycare?ausgewertet=1');
  await expect(page.getByText('Ihre Auswertung ist fertig.')).toBeVisible();
  await expect(page.getByText(/^Schwangerschaftswoche \d+\+\d$/)).toBeVisible();
  await expect(page.getByText('Etwas mehr Bewegung')).toBeVisible();
  await expect(page.getByText('Omega-3-Fettsäuren')).toBeVisible();
  await expect(page.getByText(/^Das haben Sie angegeben: .*Kaiserschnitt in einer früheren Schwangerschaft/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ihre Vorsorgetermine' }).getByRole('row')).toHaveCount(7);
  await checkA11y(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Auswertung als PDF herunterladen' }).click()]);
  expect(download.suggestedFilename()).toBe('HEK-BabyCare-Auswertung.pdf');
  const file = await download.path();
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('BabyCare – Ihre Auswertung');
  expect(text).toContain(member.kvnr);
  expect(text).toContain('Kaiserschnitt in einer früheren Schwangerschaft');
  expect(text).toContain('Etwas mehr Bewegung');
  expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/DejaVuSans-Bold\s.*\byes\b/);
});

test('a member leaves BabyCare and every answer is gone; the evaluation is then a 404', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await loginAs(page, member.kvnr, member.password);
  await testApi('POST', '/api/test/sessions', { memberId: member.memberId, change: 'bind' });
  await page.goto('/mehr/babycare');
  await page.getByLabel('Errechneter Geburtstermin').fill(inDays(100));
  await page.getByRole('checkbox', { name: /Ich willige ein/ }).check();
  await page.getByRole('button', { name: 'Teilnehmen' }).click();
  await page.waitForURL('**/mehr/babycare/fragebogen');
  await page.goto('/mehr/babycare');
  await expect(page.getByText('0 von 3 Schritten beantwortet')).toBeVisible();
  expect((await page.request.get('/api/babycare/auswertung')).status()).toBe(404);

  await page.getByRole('button', { name: 'Teilnahme beenden und Angaben löschen' }).click();
  await expect(page.getByText('Ihre Teilnahme an BabyCare ist beendet, Ihre Angaben sind gelöscht.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Teilnehmen' })).toBeVisible();
  await page.goto('/mehr/babycare/fragebogen');
  await page.waitForURL('**/mehr/babycare');
});

import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures';
import { staffLogsIn } from './admin-helpers';
import { createTestMember } from './test-api';

const legalPages = [
  ['Impressum', '/impressum', 'Impressum'],
  ['Datenschutz', '/datenschutz', 'Datenschutzerklärung'],
  ['Barrierefreiheit', '/barrierefreiheit', 'Erklärung zur Barrierefreiheit'],
] as const;

async function expectFooterLinks(page: Page) {
  const footer = page.getByRole('navigation', { name: 'Rechtliches und Hilfe' });
  for (const [link, href] of legalPages) await expect(footer.getByRole('link', { name: link })).toHaveAttribute('href', href);
  await expect(footer.getByRole('link', { name: 'Leichte Sprache' })).toHaveAttribute('href', '/leichte-sprache');
}

test('@smoke every footer links the three legal pages and Leichte Sprache, logged out and in; axe finds nothing on them @mobile', async ({ page }) => {
  await page.goto('/login');
  await expectFooterLinks(page);
  for (const [, href, title] of legalPages) {
    // Every page.goto is audited with axe (tests/e2e/fixtures.ts).
    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(/Vorlage: Dieser Rechtstext ist ein Entwurf/)).toBeVisible();
    await expectFooterLinks(page);
  }
  await page.getByRole('navigation', { name: 'Rechtliches und Hilfe' }).getByRole('link', { name: 'Leichte Sprache' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leichte Sprache' })).toBeVisible();
  await page.goto('/impressum');
  await expect(page.getByText(/Körperschaft des öffentlichen Rechts/).first()).toBeVisible();
  await expect(page.getByText(/Bundesamts für Soziale Sicherung/)).toBeVisible();

  const member = await createTestMember();
  await loginAs(page, member.kvnr, member.password);
  await expectFooterLinks(page);
  await page.getByRole('navigation', { name: 'Rechtliches und Hilfe' }).getByRole('link', { name: 'Barrierefreiheit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' })).toBeVisible();
});

test('a barrier report reaches the support queue; an empty one is refused at the field', async ({ page }) => {
  await page.goto('/barrierefreiheit');
  await page.getByLabel('Ihre E-Mail-Adresse für die Antwort (freiwillig)').fill('keine-adresse');
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await expect(page.getByText('Bitte beschreiben Sie die Barriere.')).toBeVisible();
  await expect(page.getByText('Bitte geben Sie eine gültige E-Mail-Adresse ein')).toBeVisible();
  await expect(page.getByLabel('Ihre E-Mail-Adresse für die Antwort (freiwillig)')).toHaveValue('keine-adresse');

  await page.getByLabel('Ihre E-Mail-Adresse für die Antwort (freiwillig)').fill('leser@example.de');
  await page.getByLabel('Beschreiben Sie die Barriere').fill('Der Kalender im Formular ist mit dem Screenreader nicht bedienbar.');
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await expect(page.getByText('Vielen Dank. Ihre Meldung ist bei uns eingegangen')).toBeVisible();

  // The support team finds it in the console and marks it answered.
  await staffLogsIn(page);
  await page.goto('/admin/support');
  const reports = page.getByRole('region', { name: 'Meldungen zu Barrieren' });
  const report = reports.getByRole('listitem').filter({ hasText: 'Der Kalender im Formular ist mit dem Screenreader nicht bedienbar.' }).first();
  await expect(report.getByRole('link', { name: 'leser@example.de' })).toHaveAttribute('href', 'mailto:leser@example.de');
  await report.getByRole('button', { name: 'Als beantwortet markieren' }).click();
  await expect(page.getByText('Die Meldung ist als beantwortet markiert.')).toBeVisible();
});

test('an unknown address shows the portal frame with a way back', async ({ page }) => {
  const response = await page.goto('/gibt-es-nicht');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zur Startseite' })).toHaveAttribute('href', '/');
  await expectFooterLinks(page);
});

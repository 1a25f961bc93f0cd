import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import { createTestMember, testApi, type TestMember } from './test-api';

// The e2e harness cannot open the database: Postfach data is prepared through /api/test/mailbox,
// which calls the same domain functions as the insurer's delivery.
function mailboxApi<T>(data: { memberId: string; action: 'appCommunication' | 'deliver' | 'answeredConversation'; enabled?: boolean; template?: string }) {
  return testApi<T>('POST', '/api/test/mailbox', data);
}

async function smartMemberWithPostfach(): Promise<TestMember> {
  const member = await createTestMember({ level: 'SMART' });
  await mailboxApi({ memberId: member.memberId, action: 'appCommunication', enabled: true });
  return member;
}

async function login(page: Page, member: TestMember): Promise<void> {
  await loginAs(page, member.kvnr, member.password);
  // Smart features need a browser bound to the member (simulated Robo-Ident).
  await identifyThisBrowser(page);
}

const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('a smart member reads a letter, answers it with an attachment and finds the reply under Gesendet and in the thread @smoke', async ({ page }) => {
  const member = await smartMemberWithPostfach();
  const { letterId } = await mailboxApi<{ letterId: string }>({ memberId: member.memberId, action: 'deliver', template: 'fehlende-unterlagen' });
  await login(page, member);

  await page.goto('/postfach');
  await expect(page.getByRole('heading', { level: 1, name: 'Postfach' })).toBeVisible();
  await page.getByRole('link', { name: /Bitte reichen Sie fehlende Unterlagen nach/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bitte reichen Sie fehlende Unterlagen nach' })).toBeVisible();
  await expect(page.getByText('Zugestellt am')).toBeVisible();
  await expect(page.getByText('Aufbewahrt bis')).toBeVisible();
  // The text is in the page; the PDF is a link, and the download is the member's own, uncached.
  await expect(page.getByRole('article', { name: /Text des Schreibens/ })).toContainText('die Rechnung der behandelnden Praxis');
  await expect(page.getByRole('link', { name: /PDF öffnen/ })).toHaveAttribute('href', `/api/letters/${letterId}/pdf`);
  const pdf = await page.request.get(`/api/letters/${letterId}/pdf?download=1`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['cache-control']).toContain('no-store');
  expect(pdf.headers()['content-disposition']).toMatch(/^attachment;/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  await page.getByRole('link', { name: 'Antworten', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Antworten' })).toBeVisible();
  await expect(page.getByText('höchstens 5 Dateien mit je bis zu 10 MB')).toBeVisible();
  await page.getByLabel('Ihre Nachricht').fill('Anbei die Rechnung der Praxis.');
  const fileInput = page.getByLabel('Dateien anhängen');
  // A PDF named .png is refused by its content, and nothing else of the form is lost.
  await fileInput.setInputFiles([{ name: 'scan.png', mimeType: 'image/png', buffer: minimalPdf }]);
  await page.getByRole('button', { name: 'Senden' }).click();
  const errors = page.locator('#compose-errors');
  await expect(errors).toContainText('scan.png');
  await expect(errors).toContainText('Der Inhalt passt nicht zur Dateiendung');
  await expect(page.getByLabel('Ihre Nachricht')).toHaveValue('Anbei die Rechnung der Praxis.');
  await page.getByRole('button', { name: 'scan.png entfernen' }).click();
  await fileInput.setInputFiles([{ name: 'rechnung.pdf', mimeType: 'application/pdf', buffer: minimalPdf }]);
  await page.getByRole('button', { name: 'Senden' }).click();

  await expect(page.getByText('Gesendet. Sie finden Ihre Sendung unter „Gesendet“.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'rechnung.pdf' })).toBeVisible();

  await page.goto('/postfach?tab=sent');
  await expect(page.getByRole('link', { name: /Antwort: Bitte reichen Sie fehlende Unterlagen nach/ })).toBeVisible();
  await page.goto(`/postfach/${letterId}`);
  const thread = page.getByRole('region', { name: 'Ihre Antworten auf dieses Schreiben' });
  await expect(thread.getByRole('link', { name: /Antwort: Bitte reichen Sie/ })).toBeVisible();
  await expect(thread).toContainText('rechnung.pdf');
});

test('with App-Kommunikation switched off, a newly delivered letter does not appear in the Postfach', async ({ page }) => {
  const member = await smartMemberWithPostfach();
  await login(page, member);

  await page.goto('/profil/einstellungen');
  await expect(page.getByTestId('app-communication-state')).toHaveText('Aktiv: Neue Schreiben kommen in Ihr Postfach.');
  await page.getByRole('button', { name: 'App-Kommunikation deaktivieren' }).click();
  await expect(page.getByTestId('app-communication-state')).toHaveText('Nicht aktiv: Neue Schreiben schicken wir Ihnen per Post.');
  await expect(page.getByTestId('consent-choice').first()).toHaveText('Deaktiviert');

  const delivered = await mailboxApi<{ channel: string }>({ memberId: member.memberId, action: 'deliver', template: 'leistungsbescheid' });
  expect(delivered.channel).toBe('postal');
  await page.goto('/postfach');
  await expect(page.getByText('Ihr Posteingang ist leer.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Bescheid über Ihren Antrag/ })).toHaveCount(0);
});

test('a member writes in the messenger and sees the answer of the service', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await mailboxApi({ memberId: member.memberId, action: 'answeredConversation' });
  await login(page, member);

  await page.goto('/nachrichten');
  await page.getByRole('link', { name: /Frage zur Zahnreinigung/ }).click();
  await expect(page.getByText('Ja, einmal im Jahr bis zu 60 Euro.')).toBeVisible();
  const link = page.getByRole('link', { name: 'https://www.hek.de/leistungen' });
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');

  await page.getByLabel('Antwort schreiben').fill('Danke! <b>Gilt das auch für Kinder?</b>');
  await page.getByRole('button', { name: 'Senden' }).click();
  // Shown as the text it is, not as markup.
  await expect(page.getByText('Danke! <b>Gilt das auch für Kinder?</b>')).toBeVisible();
  await expect(page.getByText('Offen', { exact: false }).first()).toBeVisible();
});

test("another member's letter, PDF and conversation are not found", async ({ page }) => {
  const owner = await smartMemberWithPostfach();
  const { letterId } = await mailboxApi<{ letterId: string }>({ memberId: owner.memberId, action: 'deliver' });
  const { conversationId } = await mailboxApi<{ conversationId: string }>({ memberId: owner.memberId, action: 'answeredConversation' });
  const intruder = await smartMemberWithPostfach();
  await login(page, intruder);

  expect((await page.request.get(`/api/letters/${letterId}/pdf`)).status()).toBe(404);
  expect((await page.request.get(`/postfach/${letterId}`)).status()).toBe(404);
  expect((await page.request.get(`/postfach/${letterId}/antworten`)).status()).toBe(404);
  expect((await page.request.get(`/nachrichten/${conversationId}`)).status()).toBe(404);

  // What the intruder sees: "not found" inside their own member frame, with the way back, and nothing of the letter.
  const response = await page.goto(`/postfach/${letterId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).first()).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Zur Startseite' })).toHaveAttribute('href', '/');
  await expect(page.locator('header')).toHaveCount(1);
});

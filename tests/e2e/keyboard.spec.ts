import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createTestMember, testApi } from './test-api';

// A member who uses no mouse: every step below is a key press (Tab, Shift+Tab, Enter, Space, arrows,
// typing). Addresses are typed, as into the browser's address bar; nothing is clicked. The journey
// fails when a control cannot be reached by Tab, cannot be worked by its keys, or loses the focus.

/** Presses Tab until the target has the focus; fails after `max` presses. Returns how many it took. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<number> {
  await expect(target).toBeVisible();
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`${target} not reached within ${max} Tab presses`);
}

const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('@mobile keyboard only: log in, read and answer a letter in the Postfach, download a certificate', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART', insured: true });
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'appCommunication', enabled: true });
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'deliver', template: 'fehlende-unterlagen' });

  // Login: the skip link first, then the form's fields in order; Enter sends it.
  await page.goto('/login');
  await tabTo(page, page.getByLabel('Versichertennummer', { exact: true }));
  await page.keyboard.type(member.kvnr);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passwort', { exact: true })).toBeFocused();
  await page.keyboard.type(member.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/');
  // A stand-in for this browser's binding (the identification journey is tested in identity.spec).
  await testApi('POST', '/api/test/sessions', { memberId: member.memberId, change: 'bind' });
  await page.reload();

  // The skip link jumps past the header to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();

  // Postfach from the navigation, the letter from the list.
  await tabTo(page, page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: /Postfach/ }));
  await page.keyboard.press('Enter');
  await page.waitForURL('**/postfach');
  const letterLink = page.getByRole('link', { name: /Bitte reichen Sie fehlende Unterlagen nach/ });
  await tabTo(page, letterLink);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Bitte reichen Sie fehlende Unterlagen nach' })).toBeVisible();
  await expect(page.getByRole('article', { name: /Text des Schreibens/ })).toContainText('die Rechnung der behandelnden Praxis');

  // Antworten: the text, a file chosen with the keyboard, sent with Enter on the button.
  await tabTo(page, page.getByRole('link', { name: 'Antworten', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Antworten' })).toBeVisible();
  await tabTo(page, page.getByLabel('Ihre Nachricht'));
  await page.keyboard.type('Anbei die Rechnung der Praxis.');
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, page.getByLabel('Dateien anhängen'));
  await page.keyboard.press('Space');
  await (await chooser).setFiles([{ name: 'rechnung.pdf', mimeType: 'application/pdf', buffer: minimalPdf }]);
  await tabTo(page, page.getByRole('button', { name: 'Senden' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Gesendet. Sie finden Ihre Sendung unter „Gesendet“.')).toBeVisible();

  // Versicherung from the navigation, the certificate form from there.
  await tabTo(page, page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Versicherung' }));
  await page.keyboard.press('Enter');
  await page.waitForURL('**/versicherung');
  await tabTo(page, page.getByRole('link', { name: 'Bescheinigung erstellen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Versicherungsbescheinigung' })).toBeVisible();
  // The kind is a radio group: Tab reaches the chosen one, the arrows change it and back.
  const membership = page.getByRole('radio', { name: /Mitgliedsbescheinigung/ });
  await tabTo(page, membership);
  await expect(membership).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Bescheinigung über Versicherungszeiten/ })).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(membership).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Bescheinigung erstellen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ihre Bescheinigung ist erstellt.')).toBeVisible();

  const download = page.waitForEvent('download');
  await tabTo(page, page.getByRole('link', { name: 'PDF herunterladen' }).first());
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/^HEK-.*\.pdf$/);
});

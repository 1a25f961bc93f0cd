import { expect, loginAs, test } from './fixtures';
import { createTestMember, testApi, type TestMember } from './test-api';

async function loginFresh(page: import('@playwright/test').Page): Promise<TestMember> {
  const member = await createTestMember({ level: 'BASIC' });
  await loginAs(page, member.kvnr, member.password);
  return member;
}

test.describe('Anmeldung und Startseite', () => {
  test('a visitor gets the login; a member logs in, switches to English and back, and logs out @smoke', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();

    const member = await loginFresh(page);
    const name = `${member.firstName} ${member.lastName}`;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Guten Tag, ${name}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    await page.getByRole('button', { name: 'English' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${name}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The choice is remembered: a new page load stays English.
    await page.goto('/profil');
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    await page.getByRole('button', { name: 'Deutsch' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Profil' })).toBeVisible();
    await expect(page.getByText(member.kvnr, { exact: true })).toBeVisible();

    await page.locator('header summary').click();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page).toHaveURL(/\/login\?reason=loggedout$/);
    await expect(page.getByText('Sie haben sich abgemeldet.')).toBeVisible();
    // The session is over on the server: the start page sends to the login again.
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });

  test('wrong password, unknown KVNR and a wrong check digit each give a clear German message', async ({ page }) => {
    const member = await createTestMember();
    await page.goto('/login');
    const kvnr = page.getByLabel('Versichertennummer', { exact: true });
    const password = page.getByLabel('Passwort', { exact: true });
    const submit = page.getByRole('button', { name: 'Anmelden', exact: true });
    const wrong = 'Versichertennummer oder Passwort ist falsch. Bitte prüfen Sie Ihre Eingaben.';

    await kvnr.fill(member.kvnr);
    await password.fill('ein-falsches-Passwort');
    await submit.click();
    await expect(page.getByText(wrong)).toBeVisible();
    // What the member typed stays.
    await expect(kvnr).toHaveValue(member.kvnr);

    await kvnr.fill('A123456780');
    await submit.click();
    await expect(page.getByText(wrong)).toBeVisible();

    await kvnr.fill('A123456781');
    await submit.click();
    await expect(page.getByText(/Die Prüfziffer stimmt nicht/)).toBeVisible();
    await expect(kvnr).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/login$/);
  });

  for (const [change, message] of [
    ['expire', 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.'],
    ['idle', 'Sie wurden nach längerer Inaktivität automatisch abgemeldet.'],
    ['revoke', 'Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.'],
  ] as const) {
    test(`a session that was ${change}d sends the member to the login with a clear message`, async ({ page }) => {
      const member = await loginFresh(page);
      await testApi('POST', '/api/test/sessions', { memberId: member.memberId, change });
      await page.goto('/profil');
      await expect(page).toHaveURL(/\/login\?reason=/);
      await expect(page.getByText(message)).toBeVisible();
    });
  }

  test('an unknown address shows the 404 page without details', async ({ page }) => {
    const response = await page.goto('/gibt-es-nicht');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  });

  test('the keyboard reaches the skip link first and the navigation', async ({ page }) => {
    await loginFresh(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    const profile = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Profil' });
    await profile.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/profil$/);
    await expect(profile).toHaveAttribute('aria-current', 'page');
  });

  test('the profile menu works with the keyboard and closes on Escape and after a navigation', async ({ page }) => {
    await loginFresh(page);
    const menu = page.locator('header details');
    const summary = menu.locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('open', '');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('link', { name: 'Persönliche Daten' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).not.toHaveAttribute('open');
    await expect(summary).toBeFocused();
    // The shell stays mounted across navigations; the menu must not stay open over the next page.
    await page.keyboard.press('Enter');
    await menu.getByRole('link', { name: 'Sicherheit' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/profil\/sicherheit$/);
    await expect(menu).not.toHaveAttribute('open');
  });
});

test.describe('Zeitlimit der Sitzung', () => {
  test('warns before the idle timeout, lets the member stay, and ends the session when ignored', async ({ page }) => {
    // The browser's clock is under the test's control; the server's is not, so the session stays valid.
    await page.clock.install();
    await loginFresh(page);
    await page.goto('/profil');
    const dialog = page.getByRole('dialog', { name: 'Sind Sie noch da?' });
    await expect(dialog).toBeHidden();

    // Default idle timeout 15 min: the warning comes two minutes before the (one minute early) end.
    await page.clock.fastForward('12:05');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Angemeldet bleiben' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Angemeldet bleiben' }).click();
    await expect(dialog).toBeHidden();

    await page.clock.fastForward('12:05');
    await expect(dialog).toBeVisible();
    await page.clock.fastForward('02:05');
    await expect(page).toHaveURL(/\/login\?reason=idle$/);
    await expect(page.getByText('Sie wurden nach längerer Inaktivität automatisch abgemeldet.')).toBeVisible();
    // The session really ended on the server.
    await page.goto('/profil');
    await expect(page).toHaveURL(/\/login/);
  });
});

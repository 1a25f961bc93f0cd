import type { Browser, Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures';
import { createTestMember, outboxFor } from './test-api';
import { addVirtualAuthenticator } from './webauthn';

async function logout(page: Page) {
  await page.locator('header summary').click();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login\?reason=loggedout$/);
}

/** A second browser, logged in as the same member: another session of theirs. */
async function secondBrowser(browser: Browser, kvnr: string, password: string) {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Versichertennummer', { exact: true }).fill(kvnr);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return { context, page };
}

test('a member adds a passkey, logs out and logs in with it', async ({ page }) => {
  const member = await createTestMember();
  await addVirtualAuthenticator(page);
  await loginAs(page, member.kvnr, member.password);

  await page.goto('/profil/sicherheit');
  await expect(page.getByRole('heading', { level: 1, name: 'Sicherheit' })).toBeVisible();
  await expect(page.getByText('Sie haben noch keinen Passkey.')).toBeVisible();
  await page.getByLabel('Name des neuen Passkeys (freiwillig)').fill('Mein Testgerät');
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await expect(page.getByText('Der Passkey wurde hinzugefügt.')).toBeVisible();
  await expect(page.getByText('Mein Testgerät', { exact: true })).toBeVisible();
  await expect(page.getByText('Noch nicht verwendet')).toBeVisible();

  // The change is noticed in the portal and by email, with a "Das war ich nicht" link.
  await expect(page.getByTestId('notifications-link')).toContainText('1');
  const mails = await outboxFor(member.email);
  expect(mails.find((mail) => mail.kind === 'security_notice.passkey_added')?.text).toContain('/das-war-ich-nicht?token=');

  await logout(page);
  await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto('/profil/sicherheit');
  await expect(page.getByText(/Zuletzt verwendet am/)).toBeVisible();

  await page.goto('/benachrichtigungen');
  await expect(page.getByRole('heading', { name: 'Passkey hinzugefügt' })).toBeVisible();
});

test('with biometric login switched off, the passkey login is refused with a clear message', async ({ page }) => {
  const member = await createTestMember();
  await addVirtualAuthenticator(page);
  await loginAs(page, member.kvnr, member.password);
  await page.goto('/profil/sicherheit');
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await expect(page.getByText('Der Passkey wurde hinzugefügt.')).toBeVisible();
  await page.getByRole('button', { name: 'Biometrische Anmeldung ausschalten' }).click();
  await expect(page.getByText('Die biometrische Anmeldung ist ausgeschaltet')).toBeVisible();

  await logout(page);
  await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Die biometrische Anmeldung ist in Ihrem Konto ausgeschaltet.' })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('a member ends another session, which is logged out at its next navigation', async ({ page, browser }) => {
  const member = await createTestMember();
  await loginAs(page, member.kvnr, member.password);
  const other = await secondBrowser(browser, member.kvnr, member.password);
  try {
    await page.goto('/profil/sicherheit');
    const sessions = page.getByTestId('session');
    await expect(sessions).toHaveCount(2);
    await expect(sessions.filter({ hasText: 'Diese Sitzung' })).toHaveCount(1);
    await sessions.filter({ hasNotText: 'Diese Sitzung' }).getByRole('button', { name: /Sitzung .* beenden/ }).click();
    await expect(page.getByText('Die Sitzung wurde beendet.')).toBeVisible();
    await expect(sessions).toHaveCount(1);

    await other.page.goto('/profil');
    await expect(other.page).toHaveURL(/\/login\?reason=revoked$/);
    // This session goes on.
    await page.goto('/profil');
    await expect(page).toHaveURL(/\/profil$/);
  } finally {
    await other.context.close();
  }
});

test('a password change needs the current password, refuses common ones and ends the other sessions', async ({ page, browser }) => {
  const member = await createTestMember();
  const newPassword = 'Ein Hafen voller Möwen 2026';
  await loginAs(page, member.kvnr, member.password);
  const other = await secondBrowser(browser, member.kvnr, member.password);
  try {
    await page.goto('/profil/sicherheit');
    const current = page.getByLabel('Aktuelles Passwort');
    const next = page.getByLabel('Neues Passwort', { exact: true });
    const confirm = page.getByLabel('Neues Passwort wiederholen');
    const submit = page.getByRole('button', { name: 'Passwort ändern' });

    await current.fill(member.password);
    await next.fill('kurz');
    await confirm.fill('kurz');
    await submit.click();
    await expect(page.getByText('Das Passwort muss mindestens 12 Zeichen lang sein.')).toBeVisible();

    await next.fill('Passwort-1234');
    await confirm.fill('Passwort-1234');
    await submit.click();
    await expect(page.getByText('Dieses Passwort ist weit verbreitet')).toBeVisible();

    await current.fill('ganz-falsches-Passwort');
    await next.fill(newPassword);
    await confirm.fill(newPassword);
    await submit.click();
    await expect(page.getByText('Das aktuelle Passwort ist nicht richtig.')).toBeVisible();
    // Input is kept after a failed submit.
    await expect(next).toHaveValue(newPassword);

    await current.fill(member.password);
    await submit.click();
    await expect(page.getByText('Ihr Passwort wurde geändert. Alle anderen Sitzungen wurden beendet.')).toBeVisible();

    await other.page.goto('/');
    await expect(other.page).toHaveURL(/\/login\?reason=revoked$/);
    await logout(page);
    await loginAs(page, member.kvnr, newPassword);
  } finally {
    await other.context.close();
  }
});

test('"Das war ich nicht" from the email ends all sessions of the member', async ({ page }) => {
  const member = await createTestMember();
  await loginAs(page, member.kvnr, member.password);
  await page.goto('/profil/sicherheit');
  await page.getByRole('button', { name: 'Biometrische Anmeldung ausschalten' }).click();
  await expect(page.getByText('Die biometrische Anmeldung ist ausgeschaltet')).toBeVisible();

  const mail = (await outboxFor(member.email)).find((m) => m.kind === 'security_notice.biometric_disabled');
  const link = /https?:\/\/\S+\/das-war-ich-nicht\?token=[\w-]+/.exec(mail?.text ?? '')?.[0];
  expect(link).toBeTruthy();
  await page.goto(new URL(link ?? '').pathname + new URL(link ?? '').search);
  await page.getByRole('button', { name: 'Alle Sitzungen beenden' }).click();
  await expect(page.getByText('Alle Sitzungen Ihres Kontos wurden beendet.')).toBeVisible();

  await page.goto('/profil');
  await expect(page).toHaveURL(/\/login\?reason=revoked$/);
});

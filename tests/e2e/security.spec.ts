import type { Browser, Page } from '@playwright/test';
import { checkA11y, expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
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

/** In a bound browser, the password is the step-up: the prompt appears where the change was asked for. */
async function confirmWithPassword(page: Page, password: string) {
  const prompt = page.getByTestId('step-up-prompt');
  await expect(prompt.getByRole('heading', { name: 'Bitte bestätigen Sie, dass Sie es sind' })).toBeVisible();
  await prompt.getByLabel('Passwort', { exact: true }).fill(password);
  await prompt.getByRole('button', { name: 'Mit Passwort bestätigen' }).click();
}

test('a password-only session cannot add a passkey: the step-up is asked for and cannot be given', async ({ page }) => {
  const member = await createTestMember();
  await addVirtualAuthenticator(page);
  await loginAs(page, member.kvnr, member.password);
  await page.goto('/profil/sicherheit');
  await page.getByLabel('Name des neuen Passkeys (freiwillig)').fill('Fremdes Gerät');
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  const prompt = page.getByTestId('step-up-prompt');
  await expect(prompt.getByText('In diesem Browser können Sie diese Änderung nicht bestätigen.')).toBeVisible();
  await expect(prompt.getByRole('button', { name: 'Mit Passkey bestätigen' })).toHaveCount(0);
  await expect(page.getByLabel('Name des neuen Passkeys (freiwillig)')).toHaveValue('Fremdes Gerät');
  await expect(page.getByText('Sie haben noch keinen Passkey.')).toBeVisible();
  await checkA11y(page);
});

test('@smoke in a bound browser a member confirms with the password and adds a passkey', async ({ page }) => {
  const member = await createTestMember();
  await addVirtualAuthenticator(page);
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);

  await page.goto('/profil/sicherheit');
  await expect(page.getByRole('heading', { level: 1, name: 'Sicherheit' })).toBeVisible();
  await expect(page.getByText('Sie haben noch keinen Passkey.')).toBeVisible();
  await page.getByLabel('Name des neuen Passkeys (freiwillig)').fill('Mein Testgerät');
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await confirmWithPassword(page, member.password);
  await expect(page.getByText('Bestätigt. Sie können die Änderung jetzt vornehmen.')).toBeVisible();
  // What was typed is kept.
  await expect(page.getByLabel('Name des neuen Passkeys (freiwillig)')).toHaveValue('Mein Testgerät');
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await expect(page.getByText('Der Passkey wurde hinzugefügt.')).toBeVisible();
  await expect(page.getByText('Mein Testgerät', { exact: true })).toBeVisible();
  await expect(page.getByText('Noch nicht verwendet')).toBeVisible();

  const mails = await outboxFor(member.email);
  expect(mails.find((mail) => mail.kind === 'security_notice.passkey_added')?.text).toContain('/das-war-ich-nicht?token=');
});

test('a member confirms with a passkey and then adds a passkey on another authenticator', async ({ page }) => {
  const member = await createTestMember();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const options = { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true } as const;
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', { options });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);
  await page.goto('/profil/sicherheit');
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await confirmWithPassword(page, member.password);
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await expect(page.getByText('Der Passkey wurde hinzugefügt.')).toBeVisible();

  // A new session, logged in with the passkey: its step-up is not fresh, and the passkey confirms it.
  await logout(page);
  await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto('/profil/sicherheit');
  await page.getByLabel('Name des neuen Passkeys (freiwillig)').fill('Zweites Gerät');
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await page.getByTestId('step-up-prompt').getByRole('button', { name: 'Mit Passkey bestätigen' }).click();
  await expect(page.getByText('Bestätigt. Sie können die Änderung jetzt vornehmen.')).toBeVisible();
  await expect(page.getByTestId('step-up-prompt')).toHaveCount(0);

  // The first authenticator already holds this member's passkey: add the new one on another.
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  await cdp.send('WebAuthn.addVirtualAuthenticator', { options });
  await expect(page.getByLabel('Name des neuen Passkeys (freiwillig)')).toHaveValue('Zweites Gerät');
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await expect(page.getByText('Der Passkey wurde hinzugefügt.')).toBeVisible();
  await expect(page.getByText('Zweites Gerät', { exact: true })).toBeVisible();

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
    // Back to the page asked for after logging in again.
    await expect(other.page).toHaveURL(/\/login\?reason=revoked&next=%2Fprofil$/);
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
  await identifyThisBrowser(page);
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

    // The first submit that reaches the server asks for the step-up, then goes on with what was typed.
    await next.fill('Passwort-1234');
    await confirm.fill('Passwort-1234');
    await submit.click();
    await confirmWithPassword(page, member.password);
    await expect(page.getByText('Dieses Passwort ist weit verbreitet')).toBeVisible();
    await expect(page.getByTestId('step-up-prompt')).toHaveCount(0);

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
    await expect(other.page).toHaveURL(/\/login\?reason=revoked(&next=%2F)?$/);
    await logout(page);
    await loginAs(page, member.kvnr, newPassword);
  } finally {
    await other.context.close();
  }
});

test('"Das war ich nicht" from the email removes the new browser, ends all sessions and requires a new password', async ({ page }) => {
  const member = await createTestMember();
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);

  const mail = (await outboxFor(member.email)).find((m) => m.kind === 'security_notice.new_device');
  const link = /https?:\/\/\S+\/das-war-ich-nicht\?token=[\w-]+/.exec(mail?.text ?? '')?.[0];
  expect(link).toBeTruthy();
  await page.goto(new URL(link ?? '').pathname + new URL(link ?? '').search);
  await page.getByRole('button', { name: 'Alle Sitzungen beenden' }).click();
  await expect(page.getByText('Alle Sitzungen Ihres Kontos wurden beendet.')).toBeVisible();

  await page.goto('/profil');
  await expect(page).toHaveURL(/\/login\?reason=revoked&next=%2Fprofil$/);
  await page.getByLabel('Versichertennummer', { exact: true }).fill(member.kvnr);
  await page.getByLabel('Passwort', { exact: true }).fill(member.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'ist Ihr bisheriges Passwort gesperrt' })).toBeVisible();
});

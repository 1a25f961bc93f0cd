import type { Page } from '@playwright/test';
import { checkA11y, expect, loginAs, test } from './fixtures';
import { createInsuredPerson, identifyThisBrowser } from './identity-helpers';
import { createTestMember, outboxFor } from './test-api';
import { addVirtualAuthenticator } from './webauthn';

const GATE_TITLE = 'Bitte bestätigen Sie diesen Browser';

async function startEid(page: Page) {
  await page.goto('/smart');
  await page.getByRole('radio', { name: /eID \(Online-Ausweis\)/ }).check();
  await page.getByRole('checkbox', { name: /Datenschutzerklärung/ }).check();
  await page.getByRole('button', { name: 'Weiter zur AusweisApp' }).click();
  await page.waitForURL(/\/idp\/eid\/flow\//);
  await checkA11y(page);
  await page.getByRole('button', { name: 'Aufnahme simulieren' }).click();
  await page.getByRole('button', { name: 'Scan simulieren' }).click();
}

test('register, confirm the email once, and log in as a basic member @smoke', async ({ page }) => {
  const person = await createInsuredPerson();
  const email = `${person.kvnr.toLowerCase()}@neu.example`;
  const password = 'Ein Satz als Passwort 2026';

  await page.goto('/registrieren');
  await page.getByLabel('Vorname').fill(person.firstName);
  await page.getByLabel('Nachname').fill(person.lastName);
  await page.getByLabel('Versichertennummer', { exact: true }).fill(person.kvnr);
  await page.getByLabel('Geburtsdatum').fill(person.birthDate);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('radio', { name: /Digital in mein Postfach/ }).check();
  await page.getByRole('button', { name: 'Registrieren' }).click();
  await expect(page.getByText('Fast geschafft!')).toBeVisible();
  await checkA11y(page);

  // Not confirmed yet: the right password gets a clear message instead of a session.
  await page.goto('/login');
  await page.getByLabel('Versichertennummer', { exact: true }).fill(person.kvnr);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByText(/Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse/)).toBeVisible();

  const mail = (await outboxFor(email)).find((m) => m.kind === 'email_confirmation');
  const link = /https?:\/\/\S+\/bestaetigen\?token=\S+/.exec(mail?.text ?? '')?.[0];
  expect(link, 'confirmation link in the outbox').toBeTruthy();
  const url = new URL(link ?? '');
  await page.goto(`${url.pathname}${url.search}`);
  await page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();
  await expect(page.getByText('Ihre E-Mail-Adresse ist bestätigt')).toBeVisible();
  // The link works once.
  await page.goto(`${url.pathname}${url.search}`);
  await expect(page.getByText('Dieser Link wurde schon verwendet.')).toBeVisible();

  await loginAs(page, person.kvnr, password);
  await expect(page.getByText('Ihre Version: Basis')).toBeVisible();
});

test('a basic member switches to smart with Robo-Ident, adds a passkey and logs in with it', async ({ page }) => {
  await addVirtualAuthenticator(page);
  const member = await createTestMember({ level: 'BASIC' });
  await loginAs(page, member.kvnr, member.password);
  await expect(page.getByText('Ihre Version: Basis')).toBeVisible();
  await identifyThisBrowser(page);
  await page.goto('/');
  await expect(page.getByText('Ihre Version: smart')).toBeVisible();
  await expect(page.getByText(GATE_TITLE)).toHaveCount(0);

  // Biometric login: a passkey, then a login with it alone; this bound browser opens smart features.
  // A new login factor needs a step-up: in this bound browser, the password confirms it.
  await page.goto('/profil/sicherheit');
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  // A new factor needs a fresh confirmation: in this bound browser, the password gives it.
  const stepUp = page.getByTestId('step-up-prompt');
  await stepUp.getByLabel('Passwort', { exact: true }).fill(member.password);
  await stepUp.getByRole('button', { name: 'Mit Passwort bestätigen' }).click();
  await expect(page.getByText('Bestätigt. Sie können die Änderung jetzt vornehmen.')).toBeVisible();
  await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await expect(page.getByText('Der Passkey wurde hinzugefügt.')).toBeVisible();
  await page.locator('header summary').click();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login\?reason=loggedout$/);
  await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.goto('/postfach');
  await expect(page.getByRole('heading', { level: 1, name: 'Postfach' })).toBeVisible();
  await expect(page.getByText(GATE_TITLE)).toHaveCount(0);
});

test('switching with eID unlocks smarthealth', async ({ page }) => {
  const member = await createTestMember({ level: 'BASIC' });
  await loginAs(page, member.kvnr, member.password);
  await startEid(page);
  await page.getByLabel('6-stellige PIN').fill('123456');
  await page.getByRole('button', { name: 'PIN bestätigen' }).click();
  await page.getByRole('button', { name: 'Scan simulieren' }).click();
  await page.getByRole('button', { name: 'Daten an die HEK übermitteln' }).click();
  await page.waitForURL((u) => u.pathname === '/smart/abschluss');
  await expect(page.getByText('Auch smarthealth ist für Sie freigeschaltet.')).toBeVisible();
  await expect(page.getByText('Dieser Browser ist jetzt für smart freigeschaltet.')).toBeVisible();
  await page.goto('/');
  await expect(page.getByText('smarthealth ist für Sie freigeschaltet.')).toBeVisible();
});

test('three wrong PINs block the card PIN', async ({ page }) => {
  const member = await createTestMember({ level: 'BASIC' });
  await loginAs(page, member.kvnr, member.password);
  await startEid(page);
  for (const remaining of ['noch 2 Versuche', 'noch einen Versuch']) {
    await page.getByLabel('6-stellige PIN').fill('000000');
    await page.getByRole('button', { name: 'PIN bestätigen' }).click();
    await expect(page.getByText(new RegExp(`Die PIN ist falsch. Sie haben ${remaining}`))).toBeVisible();
  }
  await page.getByLabel('6-stellige PIN').fill('000000');
  await page.getByRole('button', { name: 'PIN bestätigen' }).click();
  await expect(page.getByRole('heading', { name: 'PIN gesperrt' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Abbrechen und zurück zur HEK' }).click();
  await page.waitForURL((u) => u.pathname === '/smart');
  await expect(page.getByText('Ihre Ausweis-PIN ist gesperrt')).toBeVisible();
  await expect(page.getByText('Ihre Version: Basis')).toHaveCount(0);
});

test('a fresh browser with the right password must identify again; the bound browser signs in silently', async ({ page, browser }) => {
  const member = await createTestMember({ level: 'BASIC' });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);

  const fresh = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: 'de-DE' });
  try {
    const other = await fresh.newPage();
    await loginAs(other, member.kvnr, member.password);
    await expect(other.getByRole('heading', { name: GATE_TITLE })).toBeVisible();
    await other.getByRole('link', { name: 'Browser jetzt identifizieren' }).click();
    // Wait for /smart itself: the gate's heading on the page before would otherwise satisfy the check.
    await other.waitForURL((url) => url.pathname === '/smart');
    await expect(other.getByRole('status').filter({ hasText: GATE_TITLE })).toBeVisible();
  } finally {
    await fresh.close();
  }

  // The bound browser, logged in again: its key answers the challenge and smart opens without a gate.
  await page.context().clearCookies();
  const verified = page.waitForResponse((r) => r.url().endsWith('/api/device/verify'));
  await loginAs(page, member.kvnr, member.password);
  expect((await verified).ok()).toBe(true);
  await page.reload();
  await expect(page.getByText('Ihre Version: smart')).toBeVisible();
  await expect(page.getByText(GATE_TITLE)).toHaveCount(0);
});

test('log in with GesundheitsID', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await page.goto('/login');
  await page.getByRole('button', { name: 'Mit GesundheitsID anmelden' }).click();
  await page.waitForURL(/\/idp\/gesundheitsid\/flow\//);
  await page.getByLabel('Versichertennummer der Testperson').fill(member.kvnr);
  await page.getByRole('button', { name: 'Freigeben' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await expect(page.getByText(`Guten Tag, ${member.firstName} ${member.lastName}`)).toBeVisible();
});

test('the simulator shows a stranger no record data for a KVNR put into login_hint', async ({ page, baseURL }) => {
  const member = await createTestMember({ level: 'BASIC' });
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'hek-smart-portal',
    redirect_uri: `${baseURL}/api/identity/callback`,
    scope: 'openid profile',
    state: 'a-state-of-a-stranger',
    nonce: 'a-nonce-of-a-stranger',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    login_hint: member.kvnr,
  });
  // No login: anyone can open this address.
  await page.goto(`/idp/eid/authorize?${query.toString()}`);
  await page.waitForURL(/\/idp\/eid\/flow\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(member.lastName)).toHaveCount(0);
  await expect(page.getByText('1985')).toHaveCount(0);
  // A redirect URI of the portal's origin that is not registered exactly is refused.
  const foreign = new URLSearchParams(query);
  foreign.set('redirect_uri', `${baseURL}/login`);
  const refused = await page.request.get(`/idp/eid/authorize?${foreign.toString()}`, { maxRedirects: 0 });
  expect(refused.status()).toBe(400);
});

test('forged identity callbacks from another site do not pause the member\'s identification', async ({ page }) => {
  const member = await createTestMember({ level: 'BASIC' });
  await loginAs(page, member.kvnr, member.password);
  for (let i = 0; i < 6; i++) await page.request.get(`/api/identity/callback?state=forged-${i}&code=x`, { maxRedirects: 0 });
  await identifyThisBrowser(page);
});

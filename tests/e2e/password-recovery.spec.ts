import { expect, loginAs, test } from './fixtures';
import { passRoboIdent } from './identity-helpers';
import { createTestMember, outboxFor } from './test-api';

const NEW_PASSWORD = 'Alster Möwe Hafenkante 7';
const SENT = /Wenn zu dieser Versichertennummer ein Zugang mit bestätigter E-Mail-Adresse besteht/;

test('a member who forgot the password gets a link, identifies with Robo-Ident and logs in with the new one @smoke', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });

  await page.goto('/login');
  await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Passwort vergessen' })).toBeVisible();
  // A wrong check digit is refused in German, and what was typed stays.
  const kvnr = page.getByLabel('Versichertennummer', { exact: true });
  const wrong = `${member.kvnr.slice(0, 9)}${(Number(member.kvnr.slice(9)) + 1) % 10}`;
  await kvnr.fill(wrong);
  await page.getByRole('button', { name: 'Link anfordern' }).click();
  await expect(page.getByText('Die Prüfziffer stimmt nicht')).toBeVisible();
  await expect(kvnr).toHaveValue(wrong);

  await kvnr.fill(member.kvnr);
  await page.getByRole('button', { name: 'Link anfordern' }).click();
  await expect(page.getByRole('status').filter({ hasText: SENT })).toBeVisible();

  const mail = (await outboxFor(member.email)).find((m) => m.kind === 'password_reset');
  const link = mail && /https?:\/\/\S+\/passwort-neu\?token=[\w-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error('no recovery link in the mail');
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByText(`Hallo ${member.firstName}, bitte bestätigen Sie zuerst Ihre Identität`)).toBeVisible();
  await expect(page.getByRole('radio', { name: /Nect Wallet/ })).toBeChecked();
  await page.getByRole('button', { name: 'Identität bestätigen' }).click();

  await passRoboIdent(page);

  await page.waitForURL((url) => url.pathname === '/passwort-neu');
  await expect(page.getByText('Ihre Identität ist bestätigt.')).toBeVisible();
  await page.getByLabel('Neues Passwort', { exact: true }).fill('zu kurz');
  await page.getByLabel('Neues Passwort wiederholen').fill('zu kurz');
  await page.getByRole('button', { name: 'Passwort speichern' }).click();
  await expect(page.getByText('Das Passwort muss mindestens 12 Zeichen lang sein.')).toBeVisible();
  await page.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Neues Passwort wiederholen').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Passwort speichern' }).click();

  await page.waitForURL((url) => url.pathname === '/login');
  await expect(page.getByText('Ihr neues Passwort ist gespeichert.')).toBeVisible();
  // The old password no longer works; the new one does, and the member was told by mail.
  await page.getByLabel('Versichertennummer', { exact: true }).fill(member.kvnr);
  await page.getByLabel('Passwort', { exact: true }).fill(member.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByText('Versichertennummer oder Passwort ist falsch.')).toBeVisible();
  await loginAs(page, member.kvnr, NEW_PASSWORD);
  const notice = (await outboxFor(member.email)).find((m) => m.subject.includes('Neues Passwort festgelegt'));
  expect(notice?.text).toContain('/das-war-ich-nicht?token=');

  // The link has done its work.
  await page.context().clearCookies();
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByText('Mit diesem Link wurde bereits ein neues Passwort festgelegt.')).toBeVisible();
});

test('the form answers an unknown KVNR exactly as a known one', async ({ page }) => {
  await page.goto('/passwort-vergessen');
  const member = await createTestMember();
  await page.getByLabel('Versichertennummer', { exact: true }).fill(member.kvnr);
  await page.getByRole('button', { name: 'Link anfordern' }).click();
  const known = await page.getByRole('status').filter({ hasText: SENT }).innerText();
  await page.goto('/passwort-vergessen');
  // The FAQ's example number: valid, and nobody's.
  await page.getByLabel('Versichertennummer', { exact: true }).fill('A123456780');
  await page.getByRole('button', { name: 'Link anfordern' }).click();
  await expect(page.getByRole('status').filter({ hasText: SENT })).toHaveText(known);
});

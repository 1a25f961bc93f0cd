import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import { createTestMember, outboxFor, testApi, type TestMember } from './test-api';

/** A fresh smart member logged in, in a browser bound to them (so the password is a second factor). */
async function boundSmartMember(page: Page): Promise<TestMember> {
  const member = await createTestMember({ level: 'SMART' });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);
  return member;
}

/** The step-up prompt an action answered with: confirm with the password in this bound browser. */
async function confirmWithPassword(page: Page, password: string) {
  const prompt = page.getByTestId('step-up-prompt');
  await expect(prompt).toBeVisible();
  await prompt.getByLabel('Passwort', { exact: true }).fill(password);
  await prompt.getByRole('button', { name: 'Mit Passwort bestätigen' }).click();
}

test('@smoke a member changes address and email, and the new email applies after its confirmation link @mobile', async ({ page }) => {
  const member = await boundSmartMember(page);
  await page.goto('/profil/daten');
  await expect(page.getByRole('heading', { level: 1, name: 'Persönliche Daten ändern' })).toBeVisible();

  const address = page.getByRole('form', { name: 'Adresse' });
  await address.getByLabel('Land').selectOption('NL');
  await address.getByLabel('Straße').fill('Keizersgracht');
  await address.getByLabel('Hausnummer').fill('12');
  await address.getByLabel('Postleitzahl').fill('1015 CS');
  await address.getByLabel('Ort').fill('Amsterdam');
  await address.getByRole('button', { name: 'Adresse speichern' }).click();
  await expect(address.getByText('Ihre neue Adresse ist gespeichert.')).toBeVisible();

  const newEmail = `neu.${member.kvnr.toLowerCase()}@example.test`;
  const email = page.getByRole('form', { name: 'E-Mail-Adresse' });
  await email.getByLabel('Neue E-Mail-Adresse').fill(newEmail);
  await email.getByRole('button', { name: 'Bestätigungslink senden' }).click();
  await confirmWithPassword(page, member.password);
  // The confirmation resends what was typed.
  await expect(page.getByText(`Wir haben einen Bestätigungslink an ${newEmail} gesendet.`)).toBeVisible();
  await expect(page.getByText(`Aktuelle Adresse: ${member.email}`)).toBeVisible();

  const [mail] = await outboxFor(newEmail);
  const link = /https?:\/\/\S+\/email-bestaetigen\?token=\S+/.exec(mail!.text)?.[0];
  expect(link, 'confirmation link in the mail').toBeTruthy();
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();
  await expect(page.getByText('Ihre neue E-Mail-Adresse ist bestätigt und gilt ab sofort.')).toBeVisible();

  const toOld = await outboxFor(member.email);
  expect(toOld.map((m) => m.subject)).toContain('Ihre E-Mail-Adresse wurde geändert');
  await page.goto('/profil');
  await expect(page.getByText(newEmail)).toBeVisible();
  await expect(page.getByText('Keizersgracht 12, 1015 CS Amsterdam, Niederlande')).toBeVisible();
});

test('a member adds a bank account after the step-up and finds the confirmation letter in the Postfach @mobile', async ({ page }) => {
  const member = await boundSmartMember(page);
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'appCommunication', enabled: true });
  await page.goto('/profil/bankverbindungen');
  const form = page.getByRole('form', { name: 'Neue Bankverbindung' });

  await form.getByLabel('IBAN').fill('DE88 3704 0044 0532 0130 00');
  await form.getByRole('button', { name: 'Bankverbindung speichern' }).click();
  await expect(form.getByText('Die Prüfziffer der IBAN stimmt nicht.')).toBeVisible();

  await form.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
  await form.getByRole('button', { name: 'Bankverbindung speichern' }).click();
  await confirmWithPassword(page, member.password);
  await expect(page.getByText('Ihre neue Bankverbindung ist gespeichert.')).toBeVisible();
  const accounts = page.getByRole('list', { name: 'Ihre Konten' });
  await expect(accounts.getByText('DE •••• •••• •••• •••• 3000')).toBeVisible();
  await expect(accounts.getByText('Aktuell')).toBeVisible();

  await page.goto('/postfach');
  await expect(page.getByText('Bestätigung Ihrer neuen Bankverbindung')).toBeVisible();
});

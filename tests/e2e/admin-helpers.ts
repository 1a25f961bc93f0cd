import { expect, type Locator, type Page } from '@playwright/test';
import { testApi } from './test-api';
import { addVirtualAuthenticator } from './webauthn';

export type TestStaff = { staffId: string; name: string; enrolmentLink: string };

export function createTestStaff(role: 'SUPPORT_AGENT' | 'SUPERVISOR' | 'ADMINISTRATOR' = 'SUPPORT_AGENT'): Promise<TestStaff> {
  return testApi<TestStaff>('POST', '/api/test/staff', { role });
}

export function openConversation(memberId: string): Promise<{ conversationId: string; subject: string }> {
  return testApi('POST', '/api/test/staff', { action: 'conversation', memberId });
}

/**
 * A new staff member registers a passkey at their one-time link (Chromium's virtual authenticator) and logs
 * in with it, the way staff do: there is no password. Ends on the console's start page.
 */
export async function staffLogsIn(page: Page, role: Parameters<typeof createTestStaff>[0] = 'SUPPORT_AGENT'): Promise<TestStaff> {
  const staff = await createTestStaff(role);
  await addVirtualAuthenticator(page);
  const link = new URL(staff.enrolmentLink);
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByRole('button', { name: 'Passkey einrichten' }).click();
  await expect(page.getByText('Ihr Passkey ist eingerichtet.')).toBeVisible();
  await page.getByRole('link', { name: 'Zur Anmeldung' }).click();
  await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
  await page.waitForURL((url) => url.pathname === '/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Mitglied suchen' })).toBeVisible();
  return staff;
}

/** From the console: find the member by KVNR, open the overview and start "Ansicht als Mitglied". */
export async function impersonate(page: Page, member: { kvnr: string; firstName: string; lastName: string }, reason = 'Mitglied findet den Bescheid im Postfach nicht'): Promise<void> {
  await page.getByLabel('Versichertennummer, Name oder E-Mail-Adresse').fill(member.kvnr);
  await page.getByRole('button', { name: 'Suchen' }).click();
  await page.getByRole('link', { name: `${member.firstName} ${member.lastName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${member.firstName} ${member.lastName}` })).toBeVisible();
  await page.getByLabel('Grund', { exact: true }).fill(reason);
  await page.getByLabel('Ticket- oder Unterhaltungsnummer').fill('TICKET-2026-0815');
  await page.getByRole('button', { name: 'Mit Passkey bestätigen und Ansicht starten' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** The banner every member page shows while a staff member looks at the account. */
export function impersonationBanner(page: Page, member: { firstName: string; lastName: string }, staff: { name: string }): Locator {
  return page.getByText(`Sie sehen das Konto von ${member.firstName} ${member.lastName} als ${staff.name}.`);
}

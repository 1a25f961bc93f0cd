import { expect, type Page } from '@playwright/test';
import { testApi } from './test-api';

/**
 * For a logged-in member: "Jetzt zu smart wechseln" with Robo-Ident at the simulated Nect Wallet, ending
 * with success. Leaves this browser context bound to the member (its key in IndexedDB, this session
 * device-verified) and the member SMART. Call it after login before opening smart features.
 */
export async function identifyThisBrowser(page: Page): Promise<void> {
  await page.goto('/smart');
  await page.getByRole('radio', { name: /Robo-Ident/ }).check();
  await page.getByRole('checkbox', { name: /Datenschutzerklärung/ }).check();
  await page.getByRole('button', { name: 'Weiter zu Nect Wallet' }).click();
  await passRoboIdent(page);
  await page.waitForURL((url) => url.pathname === '/smart/abschluss');
  await expect(page.getByText('Dieser Browser ist jetzt für smart freigeschaltet.')).toBeVisible();
}

/** At the simulated Nect Wallet, after the portal sent the browser there: Robo-Ident, ending with success. */
export async function passRoboIdent(page: Page): Promise<void> {
  await page.waitForURL(/\/idp\/nect\/flow\//);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await page.getByRole('button', { name: 'Video simulieren' }).click();
  await page.getByRole('button', { name: 'Foto simulieren' }).click();
  await page.getByRole('button', { name: 'Selfie-Video simulieren' }).click();
  await page.getByRole('button', { name: 'Prüfung abschließen' }).click();
}

export type InsuredPerson = { memberId: string; kvnr: string; firstName: string; lastName: string; birthDate: string };

/** A person in the insurer's records without a login: someone who can register. */
export function createInsuredPerson(): Promise<InsuredPerson> {
  return testApi<InsuredPerson>('POST', '/api/test/identity');
}

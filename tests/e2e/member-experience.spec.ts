import type { Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import { createTestMember, testApi, type TestMember } from './test-api';

// What a member meets on a phone and at the door: letters as text, a Postfach that shows letters,
// deep links through the login, no false "new browser" alarm, and a health card a double click cannot burn.

async function smartMemberWithLetters(templates: string[]): Promise<{ member: TestMember; letterIds: string[] }> {
  const member = await createTestMember({ level: 'SMART' });
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'appCommunication', enabled: true });
  const letterIds: string[] = [];
  for (const template of templates) {
    const { letterId } = await testApi<{ letterId: string }>('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'deliver', template });
    letterIds.push(letterId);
  }
  return { member, letterIds };
}

/** The accessible name of the focused element, or its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (el?.getAttribute('aria-label') ?? el?.innerText ?? '').trim();
  });
}

test('@smoke a letter is read as text in the page and "Antworten" is within five Tab presses of its heading @mobile', async ({ page }) => {
  const { member, letterIds } = await smartMemberWithLetters(['leistungsbescheid']);
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);

  await page.goto(`/postfach/${letterIds[0]}`);
  const heading = page.getByRole('heading', { level: 1, name: 'Bescheid über Ihren Antrag auf Kostenübernahme' });
  await expect(heading).toBeVisible();
  const text = page.getByRole('article', { name: /Text des Schreibens/ });
  await expect(text).toContainText(`Guten Tag ${member.firstName} ${member.lastName},`);
  await expect(text).toContainText('bewilligen ihn in vollem Umfang');
  await expect(text.getByRole('heading', { level: 2, name: 'Rechtsbehelfsbelehrung' })).toBeVisible();
  // Real text that reflows: on a phone it is read at the page's font size, not a 5 px PDF.
  const fontSize = await text.locator('p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(16);
  const box = await text.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await expect(page.getByRole('link', { name: /PDF öffnen/ })).toHaveAttribute('href', `/api/letters/${letterIds[0]}/pdf`);
  await expect(page.locator('iframe')).toHaveCount(0);

  // Keyboard: from the heading, "Antworten" comes within five Tab presses.
  await heading.click();
  let presses = 0;
  let name = '';
  while (presses < 5 && name !== 'Antworten') {
    await page.keyboard.press('Tab');
    presses++;
    name = await focusedName(page);
  }
  expect(name, `focused after ${presses} Tab presses`).toBe('Antworten');
});

test('@mobile the first Postfach screen on a phone shows at least three letters; unread ones carry a mark; archiving offers undo', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'the first screen of a 360×740 phone is what this measures');
  const { member, letterIds } = await smartMemberWithLetters(['beitragsinformation', 'mitgliedsbescheinigung', 'leistungsbescheid', 'fehlende-unterlagen']);
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);

  await page.goto('/postfach');
  const bottomNav = page.getByRole('navigation', { name: 'Hauptnavigation' }).last();
  const visibleBottom = (await bottomNav.boundingBox())?.y ?? 740;
  let onFirstScreen = 0;
  for (const id of letterIds) {
    const row = await page.locator(`a[href="/postfach/${id}"]`).boundingBox();
    if (row && row.y >= 0 && row.y + row.height <= visibleBottom) onFirstScreen++;
  }
  expect(onFirstScreen).toBeGreaterThanOrEqual(3);
  // Filters are behind one control, the search is at hand.
  await expect(page.getByLabel('Betreff durchsuchen')).toBeVisible();
  await expect(page.getByLabel('Kategorie')).toBeHidden();
  await page.getByText('Filter', { exact: true }).click();
  await expect(page.getByLabel('Kategorie')).toBeVisible();

  // Unread is more than bold: a word and a bar.
  const unread = page.locator(`a[href="/postfach/${letterIds[3]}"]`);
  await expect(unread).toContainText('Ungelesen');
  await expect(unread).toHaveCSS('border-left-color', 'rgb(0, 69, 125)');

  await page.goto(`/postfach/${letterIds[3]}`);
  await page.getByRole('button', { name: 'Archivieren' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'liegt jetzt im Archiv' });
  await expect(notice).toBeVisible();
  await expect(unread).toBeHidden();
  await notice.getByRole('button', { name: 'Rückgängig' }).click();
  await expect(unread).toBeVisible();
});

test('a deep link is followed through the login; a foreign target goes to the Startseite @mobile', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await page.goto('/versicherung/bescheinigung');
  await expect(page).toHaveURL(/\/login\?next=%2Fversicherung%2Fbescheinigung$/);
  await page.getByLabel('Versichertennummer', { exact: true }).fill(member.kvnr);
  await page.getByLabel('Passwort', { exact: true }).fill(member.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/versicherung/bescheinigung');

  for (const target of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${encodeURIComponent(target)}`);
    await page.getByLabel('Versichertennummer', { exact: true }).fill(member.kvnr);
    await page.getByLabel('Passwort', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(new URL(page.url()).host).toBe(new URL(process.env.E2E_BASE_URL!).host);
  }
});

test('in a bound browser the login shows no identification offer, and this browser is marked as this one', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);
  await page.context().clearCookies();

  // Records whether the offer ever appears, from the first paint on.
  await page.addInitScript(() => {
    const w = window as unknown as { offerSeen?: boolean };
    new MutationObserver(() => {
      if (document.body?.innerText.includes('Browser jetzt identifizieren')) w.offerSeen = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await loginAs(page, member.kvnr, member.password);
  // The check has answered once the smart services open without a gate.
  await page.getByRole('link', { name: /Postfach/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Postfach' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Suchen' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { offerSeen?: boolean }).offerSeen ?? false)).toBe(false);

  await page.goto('/profil/sicherheit');
  const devices = page.getByRole('heading', { name: 'Verbundene Browser' }).locator('..');
  await expect(devices.getByText('Dieser Browser', { exact: true })).toHaveCount(1);
});

test('an unbound browser sees "Browser wird geprüft …" at most briefly, then the offer', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await loginAs(page, member.kvnr, member.password);
  await page.goto('/postfach');
  await expect(page.getByRole('link', { name: 'Browser jetzt identifizieren' })).toBeVisible();
});

test('@smoke a double click on "Digitale Gesundheitskarte anfordern" uses one card; a valid card asks first @mobile', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);
  await page.goto('/profil/gesundheitskarte');
  await page.getByRole('button', { name: 'Digitale Gesundheitskarte anfordern' }).dblclick();
  await expect(page.getByText('Ihre digitale Gesundheitskarte wurde angefordert.')).toBeVisible();
  await expect(page.getByText(/genutzt: 1 von 4/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Karte wird erstellt …' })).toBeDisabled();

  await testApi('POST', '/api/test/health-card', { memberId: member.memberId });
  await expect(page.locator('#health-card')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/noch bis einschließlich .* gültig/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ja, neue Karte anfordern' })).toBeEnabled();
  await page.reload();
  await expect(page.getByText(/genutzt: 1 von 4/)).toBeVisible();
});

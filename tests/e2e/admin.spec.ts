import { expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import { createTestMember, outboxFor, testApi } from './test-api';
import { impersonate, openConversation, staffLogsIn } from './admin-helpers';

const refusal = 'In der Ansicht als Mitglied nicht möglich';

test('@smoke an agent logs in with a passkey, looks at a member read-only with the banner everywhere, is refused changes, and ends in the console', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'answeredConversation' });
  const staff = await staffLogsIn(page);
  await impersonate(page, member);

  const banner = page.getByText(`Sie sehen das Konto von ${member.firstName} ${member.lastName} als ${staff.name}.`);
  for (const path of ['/', '/postfach', '/nachrichten', '/versicherung', '/benachrichtigungen']) {
    await page.goto(path);
    await expect(banner, `banner on ${path}`).toBeVisible();
    await expect(page.getByText(/Noch \d+ Min\./)).toBeVisible();
  }

  // Sending a message in the member's name: refused on the server, nothing sent.
  await page.goto('/nachrichten');
  await page.getByRole('link', { name: /Frage zur Zahnreinigung/ }).click();
  await page.getByLabel('Antwort schreiben').fill('Bitte kündigen Sie meine Mitgliedschaft.');
  await page.getByRole('button', { name: 'Senden', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: refusal })).toBeVisible();
  await page.goBack();
  await page.reload();
  await expect(page.getByText('Bitte kündigen Sie meine Mitgliedschaft.')).toHaveCount(0);

  // Security settings (passkeys, bound browsers, password), the digital health card: closed even to read.
  for (const path of ['/profil/sicherheit', '/profil/gesundheitskarte']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: refusal }), path).toBeVisible();
    await expect(banner).toBeVisible();
  }

  await page.getByRole('button', { name: 'Ansicht beenden' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin/mitglieder/'));
  await expect(page.getByRole('heading', { level: 1, name: `${member.firstName} ${member.lastName}` })).toBeVisible();
  // The member's pages are closed again for this browser.
  await page.goto('/postfach');
  await expect(page).toHaveURL(/\/login/);
});

test("an agent answers a member's conversation; the member reads the answer and got a mail without content", async ({ page, browser }) => {
  const member = await createTestMember({ level: 'SMART' });
  const { conversationId, subject } = await openConversation(member.memberId);
  await staffLogsIn(page);
  await page.getByRole('link', { name: 'Messenger' }).first().click();
  await page.getByRole('link', { name: subject }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/nachrichten/${conversationId}`));
  await page.getByLabel('Antwort', { exact: true }).fill('Ja, Ihre Tochter kann bis 25 familienversichert sein. Viele Grüße');
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.getByText('Ihre Antwort wurde gesendet.')).toBeVisible();

  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  try {
    await loginAs(memberPage, member.kvnr, member.password);
    await identifyThisBrowser(memberPage);
    await memberPage.goto(`/nachrichten/${conversationId}`);
    await expect(memberPage.getByText('Ja, Ihre Tochter kann bis 25 familienversichert sein. Viele Grüße')).toBeVisible();
    const mails = await outboxFor(member.email);
    expect(mails.map((m) => m.kind)).toContain('messenger_answer');
    expect(mails.find((m) => m.kind === 'messenger_answer')?.text).not.toContain('familienversichert');
  } finally {
    await memberContext.close();
  }
});

test('the member sees the running view and the notice, ends it, and the agent is back in the console', async ({ page, browser }) => {
  const member = await createTestMember({ level: 'BASIC' });
  const staff = await staffLogsIn(page);
  await impersonate(page, member, 'Rückfrage zur Anmeldung im Portal');

  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  try {
    await loginAs(memberPage, member.kvnr, member.password);
    await memberPage.goto('/benachrichtigungen');
    await expect(memberPage.getByText('Ein Mitarbeiter hat Ihr Konto angesehen')).toBeVisible();
    await expect(memberPage.getByText(`${staff.name}, nur lesend bis`)).toBeVisible();
    await memberPage.getByRole('button', { name: 'Zugriff jetzt beenden' }).click();
    await expect(memberPage.getByText('Ein Mitarbeiter sieht gerade Ihr Konto an')).toHaveCount(0);
    expect((await outboxFor(member.email)).map((m) => m.kind)).toContain('security_notice.staff_access');
  } finally {
    await memberContext.close();
  }

  // The staff browser's next member page ends in the console.
  await page.goto('/postfach');
  await expect(page).toHaveURL(/\/admin\?ansicht=beendet/);
  await expect(page.getByText('Die Ansicht als Mitglied ist beendet.')).toBeVisible();
});

test('a member cannot reach the console', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await loginAs(page, member.kvnr, member.password);
  for (const path of ['/admin', '/admin/nachrichten', '/admin/protokoll', '/admin/mitarbeitende']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/admin\/login$/);
  }
  const ended = await page.request.post('/admin/ansicht/beenden', { headers: { origin: new URL(page.url()).origin }, maxRedirects: 0 });
  expect(ended.status()).toBe(303);
  expect(ended.headers().location).toMatch(/\/admin\/login$/);
});

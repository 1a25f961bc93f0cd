import { expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import { createTestMember, outboxFor, testApi } from './test-api';
import { impersonate, impersonationBanner, openConversation, staffLogsIn } from './admin-helpers';

const refusal = 'In der Ansicht als Mitglied nicht möglich';
const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('@smoke an agent logs in with a passkey, looks at a member read-only with the banner everywhere, and ends the view in the console', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  const staff = await staffLogsIn(page);
  await impersonate(page, member);

  const banner = impersonationBanner(page, member, staff);
  for (const path of ['/', '/postfach', '/nachrichten', '/versicherung', '/benachrichtigungen']) {
    await page.goto(path);
    await expect(banner, `banner on ${path}`).toBeVisible();
    await expect(page.getByText(/Noch \d+ Min\./)).toBeVisible();
  }

  await page.getByRole('button', { name: 'Ansicht beenden' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin/mitglieder/'));
  await expect(page.getByRole('heading', { level: 1, name: `${member.firstName} ${member.lastName}` })).toBeVisible();
  // The member's pages are closed again for this browser.
  await page.goto('/postfach');
  await expect(page).toHaveURL(/\/login/);
});

// Split from the journey above: together they took 45 s under CI's two workers, against a limit of 60.
test('@smoke an agent looking at a member is refused changes: no message in the member\'s name, no security settings, no health card', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'answeredConversation' });
  const staff = await staffLogsIn(page);
  await impersonate(page, member);
  const banner = impersonationBanner(page, member, staff);

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

test("an agent answers a member's message to the app support in the console; the member reads the answer", async ({ page, browser }) => {
  const member = await createTestMember({ level: 'BASIC' });
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  try {
    await loginAs(memberPage, member.kvnr, member.password);
    await memberPage.goto('/mehr/technische-daten');
    const subject = `Anmeldung hakt ${member.kvnr}`;
    await memberPage.getByLabel('Betreff').fill(subject);
    await memberPage.getByLabel('Ihre Nachricht').fill('Nach dem Anmelden sehe ich kurz eine leere Seite.');
    await memberPage.getByLabel('Versichertennummer und technische Daten mitsenden').check();
    await memberPage.getByRole('button', { name: 'Nachricht senden' }).click();
    await expect(memberPage.getByRole('link', { name: 'Gesendete Nachricht ansehen' })).toBeVisible();

    await staffLogsIn(page);
    await page.getByRole('navigation', { name: 'Konsole' }).getByRole('link', { name: 'App-Support' }).click();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: subject }) });
    // What the member chose to send: the KVNR and the browser's data.
    await expect(item).toContainText(member.kvnr);
    await expect(item).toContainText('Europe/Berlin');
    await item.getByRole('button', { name: 'Antwort senden' }).click();
    await expect(item.getByText('Bitte schreiben Sie eine Antwort.')).toBeVisible();
    await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: subject }) }).getByLabel('Antwort an das Mitglied').fill('Bitte leeren Sie einmal den Browser-Cache.');
    await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: subject }) }).getByRole('button', { name: 'Antwort senden' }).click();
    await expect(page.getByText('Die Antwort ist gesendet.')).toBeVisible();

    await memberPage.goto('/mehr/support');
    await memberPage.getByRole('link', { name: new RegExp(subject) }).click();
    await expect(memberPage.getByText('Bitte leeren Sie einmal den Browser-Cache.')).toBeVisible();
  } finally {
    await memberContext.close();
  }
});

test('an agent opens the document of a name change and approves it; the member has the new name', async ({ page, browser }) => {
  const member = await createTestMember({ level: 'SMART' });
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  try {
    await loginAs(memberPage, member.kvnr, member.password);
    await testApi('POST', '/api/test/sessions', { memberId: member.memberId, change: 'bind' });
    await memberPage.goto('/profil/daten');
    await memberPage.getByLabel('Neuer Vorname').fill(member.firstName);
    await memberPage.getByLabel('Neuer Nachname').fill('Neumann-Becker');
    await memberPage.getByLabel('Grund').selectOption({ label: 'Heirat' });
    await memberPage.getByLabel(/^Nachweis/).setInputFiles([{ name: 'Heiratsurkunde.pdf', mimeType: 'application/pdf', buffer: minimalPdf }]);
    await memberPage.getByRole('button', { name: 'Namensänderung beantragen' }).click();
    await expect(memberPage.getByRole('region', { name: 'Name' }).getByRole('listitem').filter({ hasText: 'Neumann-Becker' })).toContainText('In Prüfung');

    await staffLogsIn(page);
    await page.getByRole('navigation', { name: 'Konsole' }).getByRole('link', { name: 'Namensänderungen' }).click();
    const item = page.getByRole('listitem').filter({ hasText: member.kvnr });
    await expect(item.getByRole('heading', { name: `${member.firstName} ${member.lastName} → ${member.firstName} Neumann-Becker` })).toBeVisible();
    const href = await item.getByRole('link', { name: /Nachweis öffnen: Heiratsurkunde\.pdf/ }).getAttribute('href');
    const document = await page.request.get(href!);
    expect(document.status()).toBe(200);
    expect((await document.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The member's own session cannot fetch it: the console's routes are for staff.
    expect((await memberPage.request.get(href!, { maxRedirects: 0 })).status()).toBe(303);
    await item.getByRole('button', { name: 'Annehmen' }).click();
    await expect(page.getByText('Die Namensänderung ist angenommen; der neue Name gilt.')).toBeVisible();

    await memberPage.goto('/');
    await expect(memberPage.getByRole('heading', { level: 1, name: `Guten Tag, ${member.firstName} Neumann-Becker` })).toBeVisible();
  } finally {
    await memberContext.close();
  }
});

test("an agent decides a member's claims case on the member page; the member finds the decision", async ({ page, browser }) => {
  const member = await createTestMember({ level: 'SMART' });
  const { childCaseId } = await testApi<{ childCaseId: string }>('POST', '/api/test/claims', { memberId: member.memberId });
  await staffLogsIn(page);
  await page.goto(`/admin?q=${member.kvnr}`);
  await page.locator('main a[href^="/admin/mitglieder/"]').first().click();
  const form = page.getByRole('form', { name: /^Stand von KKG-E2E-\w+ setzen$/ });
  await form.getByLabel('Neuer Stand').selectOption('APPROVED');
  await form.getByRole('button', { name: 'Stand setzen' }).click();
  await expect(page.getByText('Der Antrag ist aktualisiert', { exact: false })).toBeVisible();

  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  try {
    await loginAs(memberPage, member.kvnr, member.password);
    await testApi('POST', '/api/test/sessions', { memberId: member.memberId, change: 'bind' });
    await memberPage.goto(`/antraege/${childCaseId}`);
    await expect(memberPage.getByText('Ihr Antrag ist bewilligt. Wir veranlassen die Zahlung.')).toBeVisible();
  } finally {
    await memberContext.close();
  }
});

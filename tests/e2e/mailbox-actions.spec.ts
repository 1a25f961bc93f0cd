import net from 'node:net';
import { expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import { createTestMember, testApi } from './test-api';

// A 1×1 PNG: the smallest real image the content check accepts.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

test('read and unread marks, the navigation badge, search and archiving', async ({ page }) => {
  const member = await createTestMember({ level: 'SMART' });
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'appCommunication', enabled: true });
  const { letterId } = await testApi<{ letterId: string }>('POST', '/api/test/mailbox', {
    memberId: member.memberId,
    action: 'deliver',
    template: 'leistungsbescheid',
  });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);

  await page.goto('/postfach');
  const postfachLink = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: /Postfach/ });
  await expect(postfachLink).toHaveAccessibleName(/1 ungelesene Schreiben/);
  const letterLink = page.locator(`a[href="/postfach/${letterId}"]`);
  await expect(letterLink).toContainText('Ungelesen');

  // Opening marks it read; marking it unread again leads back to the Postfach (reopening would read it).
  await letterLink.click();
  await page.getByRole('button', { name: 'Als ungelesen markieren' }).click();
  await expect(page).toHaveURL(/\/postfach\?erledigt=unread/);
  await expect(page.getByRole('status').filter({ hasText: 'ist wieder als ungelesen markiert' })).toBeVisible();
  await expect(letterLink).toContainText('Ungelesen');
  await expect(postfachLink).toHaveAccessibleName(/1 ungelesene Schreiben/);

  // Search by a word of the subject finds it; a word not in any subject does not.
  await page.getByLabel('Betreff durchsuchen').fill('Bescheid');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(letterLink).toBeVisible();
  await page.getByLabel('Betreff durchsuchen').fill('Zahnspange');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(letterLink).toBeHidden();

  // Archived letters leave the inbox and wait under Archiv.
  await page.goto(`/postfach/${letterId}`);
  await page.getByRole('button', { name: 'Archivieren' }).click();
  await expect(page).toHaveURL(/\/postfach\?erledigt=archived/);
  await expect(letterLink).toBeHidden();
  // The notice offers to undo it: the letter is back in the inbox.
  await page.getByRole('status').filter({ hasText: 'liegt jetzt im Archiv' }).getByRole('button', { name: 'Rückgängig' }).click();
  await expect(page).toHaveURL(/\/postfach$/);
  await expect(letterLink).toBeVisible();
  await page.goto(`/postfach/${letterId}`);
  await page.getByRole('button', { name: 'Archivieren' }).click();
  // Waits for the action's answer: navigating away earlier could abort it before it is stored.
  await expect(page).toHaveURL(/\/postfach\?erledigt=archived/);
  await expect(letterLink).toBeHidden();
  await page.goto('/postfach?tab=archive');
  await expect(letterLink).toBeVisible();
});

test('Dokumente einreichen without a letter: under Gesendet, the attachment is private to the member', async ({ page, browser }) => {
  const member = await createTestMember({ level: 'SMART' });
  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);

  // Dokumente einreichen without a letter to answer: it shows up under Gesendet.
  await page.goto('/postfach/einreichen');
  await page.getByLabel('Kategorie').selectOption({ index: 1 });
  await page.getByLabel('Worum geht es?').fill('Arbeitsunfähigkeitsbescheinigung');
  await page.getByLabel('Dateien anhängen').setInputFiles([{ name: 'au-bescheinigung.png', mimeType: 'image/png', buffer: png }]);
  await page.getByRole('button', { name: 'Senden' }).click();
  await expect(page.getByText('Gesendet. Sie finden Ihre Sendung unter „Gesendet“.')).toBeVisible();
  await page.goto('/postfach?tab=sent');
  await page.getByRole('link', { name: /Arbeitsunfähigkeitsbescheinigung/ }).click();
  const attachmentUrl = await page.getByRole('link', { name: 'au-bescheinigung.png' }).getAttribute('href');
  expect(attachmentUrl).toMatch(/^\/api\/letters\/[^/]+\/attachments\/[^/]+/);
  const own = await page.request.get(attachmentUrl ?? '');
  expect(own.status()).toBe(200);
  expect(own.headers()['cache-control']).toContain('no-store');

  // Another smart member, in a browser of their own, cannot fetch that attachment: it does not exist for them.
  const other = await createTestMember({ level: 'SMART' });
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const otherPage = await context.newPage();
  await loginAs(otherPage, other.kvnr, other.password);
  await identifyThisBrowser(otherPage);
  expect((await otherPage.request.get(attachmentUrl ?? '')).status()).toBe(404);
  await context.close();
});

test('an upload abandoned half-way leaves nothing behind; the same request sent whole is stored once', async ({ page, context }) => {
  const member = await createTestMember({ level: 'SMART' });
  await testApi('POST', '/api/test/mailbox', { memberId: member.memberId, action: 'appCommunication', enabled: true });
  await loginAs(page, member.kvnr, member.password);
  await testApi('POST', '/api/test/sessions', { memberId: member.memberId, change: 'bind' });

  // The browser's own request for a 1 MB scan, held back on its way out (it never reaches the server).
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route('**/postfach/einreichen', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    captured = { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await page.goto('/postfach/einreichen');
  await page.getByLabel('Kategorie').selectOption({ index: 1 });
  await page.getByLabel('Worum geht es?').fill('Abgebrochene Sendung');
  await page.getByLabel('Dateien anhängen').setInputFiles([{ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.concat([png, Buffer.alloc(1024 * 1024, 0x20)]) }]);
  await page.getByRole('button', { name: 'Senden' }).click();
  await expect.poll(() => captured?.body.length ?? 0).toBeGreaterThan(1024 * 1024);
  const request = captured!;
  const url = new URL(request.url);
  const headers: Record<string, string> = {
    'content-type': request.headers['content-type']!,
    'next-action': request.headers['next-action']!,
    accept: request.headers.accept ?? 'text/x-component',
    origin: url.origin,
    cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
  };

  // Half of it over a socket, which then goes quiet and closes, as a phone losing its connection.
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      const head = [`POST ${url.pathname} HTTP/1.1`, `Host: ${url.host}`, `Content-Length: ${request.body.length}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      socket.write(request.body.subarray(0, request.body.length / 2));
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 1_500);
    });
    socket.on('error', reject);
  });
  await page.unroute('**/postfach/einreichen');
  await page.goto('/postfach?tab=sent');
  await expect(page.getByRole('heading', { level: 1, name: 'Postfach' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Abgebrochene Sendung/ })).toHaveCount(0);

  // The same bytes sent whole: stored, once.
  const whole = await fetch(request.url, { method: 'POST', headers, body: new Uint8Array(request.body) });
  expect(whole.status).toBe(200);
  await page.reload();
  await expect(page.getByRole('link', { name: /Abgebrochene Sendung/ })).toHaveCount(1);
});

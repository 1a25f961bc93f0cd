import { expect, test } from './fixtures';

/** The Content-Security-Policy's directives by name, each with its list of sources. */
function cspDirectives(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function scriptSources(header: string | undefined): string[] {
  expect(header, 'Content-Security-Policy header').toBeTruthy();
  const directives = cspDirectives(header ?? '');
  const sources = directives.get('script-src') ?? directives.get('default-src');
  expect(sources, 'script-src (or default-src) in the Content-Security-Policy').toBeDefined();
  return sources ?? [];
}

test('a visitor who is not logged in is sent to the login page @smoke', async ({ page }) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  const response = await page.goto('/');

  await expect(page).toHaveURL(/\/login(\?.*)?$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  // The headers of the login page, where the redirect ended.
  const headers = response?.headers() ?? {};
  const sources = scriptSources(headers['content-security-policy']);
  expect(sources.some((source) => source.startsWith("'nonce-")), `script-src ${sources.join(' ')} has a nonce`).toBe(true);
  expect(sources).not.toContain("'unsafe-inline'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  // Any policy that does not hand full URLs (with their ids) to other sites.
  expect(headers['referrer-policy']).toBeTruthy();
  expect(headers['referrer-policy']).not.toMatch(/unsafe-url|no-referrer-when-downgrade/);
  // The portal's own scripts ran under that policy.
  expect(cspViolations).toEqual([]);
});

test('every page gets a nonce of its own', async ({ request }) => {
  const nonces: (string | undefined)[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get('/login');
    nonces.push(scriptSources(response.headers()['content-security-policy']).find((s) => s.startsWith("'nonce-")));
  }
  expect(nonces[0]).toBeTruthy();
  expect(nonces[1]).not.toBe(nonces[0]);
});

test('an unknown address shows a German 404 page', async ({ page }) => {
  const response = await page.goto('/diese-seite-gibt-es-nicht');

  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

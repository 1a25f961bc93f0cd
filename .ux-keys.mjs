import { chromium } from '@playwright/test';
const BASE = 'http://localhost:3300';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const vp = process.argv[2] === 'm' ? { width: 360, height: 740 } : { width: 1280, height: 800 };
const ctx = await browser.newContext({ viewport: vp });
const page = await ctx.newPage();
const kvnr = process.argv[3] ?? 'Y300000032';
await page.goto(BASE + '/login');
await page.getByLabel('Versichertennummer').fill(kvnr);
await page.getByLabel('Passwort', { exact: true }).fill('Demo-Passwort-2026');
await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
await page.waitForURL((u) => u.pathname !== '/login');
const describe = () => page.evaluate(() => {
  const el = document.activeElement;
  const st = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${name}" outline=${st.outlineStyle}/${st.outlineWidth} shadow=${st.boxShadow === 'none' ? 'none' : 'yes'} at ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
});
for (const path of (process.argv[4] ?? '/').split(',')) {
  await page.goto(BASE + path);
  console.log('== ' + path);
  for (let i = 0; i < (Number(process.argv[5]) || 18); i++) { await page.keyboard.press('Tab'); console.log(i + 1, await describe()); }
}
// profile menu
await page.goto(BASE + '/');
const summary = page.locator('summary').first();
await summary.focus();
await page.keyboard.press('Enter');
console.log('menu open after Enter:', await page.locator('details').first().evaluate((d) => d.open));
await page.keyboard.press('Tab'); console.log('tab into menu ->', await describe());
await page.keyboard.press('Escape');
console.log('after Escape open=', await page.locator('details').first().evaluate((d) => d.open), 'focus:', await describe());
await page.keyboard.press('Enter');
await page.keyboard.press('Tab'); await page.keyboard.press('Tab'); await page.keyboard.press('Tab');
console.log('focused', await describe());
await page.keyboard.press('Enter');
await page.waitForTimeout(1500);
console.log('after navigating to', page.url(), 'menu open=', await page.locator('details').first().evaluate((d) => d.open));
await page.locator('summary').first().click();
await page.mouse.click(5, 400);
console.log('after outside click open=', await page.locator('details').first().evaluate((d) => d.open));
await browser.close();

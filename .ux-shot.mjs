import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
const BASE = 'http://localhost:3300';
const OUT = '/tmp/ux-shots';
const only = process.argv[2]; // optional member filter
const langs = (process.argv[3] ?? 'de,en').split(',');
const sizeFilter = process.argv[4];
const sizes = { m: { width: 360, height: 740 }, d: { width: 1280, height: 800 } };
const members = [
  { kvnr: 'S100000013', key: 'anna', full: true },
  { kvnr: 'Y300000032', key: 'mehmet' },
  { kvnr: 'F400000045', key: 'laura' },
  { kvnr: 'B500000062', key: 'jonas' },
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const report = [];
async function check(page, name) {
  const info = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const over = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > vw + 1 && getComputedStyle(el).position !== 'fixed') {
        // only report elements not inside a scroll container
        let p = el.parentElement, scrolled = false;
        while (p) { const s = getComputedStyle(p).overflowX; if (s === 'auto' || s === 'scroll' || s === 'hidden') { scrolled = true; break; } p = p.parentElement; }
        if (!scrolled) over.push(el.tagName + '.' + (el.className?.baseVal ?? el.className ?? '').toString().slice(0, 60) + ' right=' + Math.round(r.right));
      }
    }
    const small = [];
    for (const el of document.querySelectorAll('a,button,input,select,textarea,summary,[role=button]')) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      const st = getComputedStyle(el); if (st.visibility === 'hidden') continue;
      // inline links in running text are exempt
      if (el.tagName === 'A' && st.display === 'inline') continue;
      if (el.type === 'checkbox' || el.type === 'radio') continue;
      if (r.height < 44 || r.width < 44) small.push(`${el.tagName} "${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return { scrollW: document.documentElement.scrollWidth, vw, over: over.slice(0, 8), small: small.slice(0, 12), title: document.title, lang: document.documentElement.lang };
  });
  let axe = [];
  try { axe = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode().analyze()).violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`); } catch (e) { axe = ['axe failed ' + e.message]; }
  report.push({ name, url: page.url(), ...info, axe });
  fs.appendFileSync(`${OUT}/report.jsonl`, JSON.stringify(report.at(-1)) + '\n');
}
async function shot(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  await check(page, name);
}
async function identify(page) {
  const ctx = page.context();
  const lang = (await ctx.cookies()).find((c) => c.name === 'NEXT_LOCALE')?.value;
  await ctx.addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: BASE }]);
  try { return await identifyDe(page); } finally { await ctx.addCookies([{ name: 'NEXT_LOCALE', value: lang ?? 'de', url: BASE }]); }
}
async function identifyDe(page) {
  await page.goto(BASE + '/smart');
  const robo = page.getByRole('radio', { name: /Robo-Ident/ });
  if (!(await robo.count())) return false;
  await robo.check();
  await page.getByRole('checkbox', { name: /Datenschutzerklärung|privacy/i }).check();
  await page.getByRole('button', { name: /Weiter zu Nect Wallet|Continue to Nect/ }).click();
  await page.waitForURL(/\/idp\/nect\/flow\//);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await page.getByRole('button', { name: 'Video simulieren' }).click();
  await page.getByRole('button', { name: 'Foto simulieren' }).click();
  await page.getByRole('button', { name: 'Selfie-Video simulieren' }).click();
  await page.getByRole('button', { name: 'Prüfung abschließen' }).click();
  await page.waitForURL((u) => u.pathname === '/smart/abschluss');
  return true;
}
for (const lang of langs) for (const [sk, size] of Object.entries(sizes)) {
  if (sizeFilter && sk !== sizeFilter) continue;
  const ctx = await browser.newContext({ viewport: size });
  await ctx.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: BASE }]);
  const page = await ctx.newPage();
  const p = (n) => `${lang}-${sk}-${n}`;
  if (!only || only === 'public') {
    for (const [n, path] of [['login', '/login'], ['registrieren', '/registrieren'], ['verifizieren', '/verifizieren'], ['404', '/gibt-es-nicht']]) {
      await page.goto(BASE + path); await shot(page, p(n));
    }
    if (only === 'public') { await ctx.close(); continue; }
  }
  for (const m of members) {
    if (only && only !== m.key) continue;
    await ctx.clearCookies(); await ctx.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: BASE }]);
    await page.goto(BASE + '/login');
    await page.getByLabel(/Versichertennummer|Health insurance number|insurance number/i).fill(m.kvnr);
    await page.getByLabel(/^(Passwort|Password)$/).fill('Demo-Passwort-2026');
    await page.getByRole('button', { name: /^(Anmelden|Log in|Sign in)$/ }).click();
    await page.waitForURL((u) => u.pathname !== '/login');
    await shot(page, p(m.key + '-home-before'));
    if (m.full || m.key === 'jonas') {
      await page.goto(BASE + '/smart'); await shot(page, p(m.key + '-smart'));
    }
    if (m.full && lang === 'de' && sk === 'm') {
      // the simulator pages, captured along the way
      await page.getByRole('radio', { name: /Robo-Ident/ }).check();
      await page.getByRole('checkbox', { name: /Datenschutzerklärung/ }).check();
      await page.getByRole('button', { name: /Weiter zu Nect Wallet/ }).click();
      await page.waitForURL(/\/idp\/nect\/flow\//); await shot(page, p('idp-1'));
      await page.getByRole('button', { name: 'Weiter', exact: true }).click(); await shot(page, p('idp-2'));
      await page.getByRole('button', { name: 'Video simulieren' }).click();
      await page.getByRole('button', { name: 'Foto simulieren' }).click(); await shot(page, p('idp-3'));
      await page.getByRole('button', { name: 'Selfie-Video simulieren' }).click();
      await page.getByRole('button', { name: 'Prüfung abschließen' }).click();
      await page.waitForURL((u) => u.pathname === '/smart/abschluss'); await shot(page, p('smart-abschluss'));
    } else if (m.key !== 'jonas') await identify(page);
    const pages = m.full ? ['/', '/profil', '/profil/sicherheit', '/profil/einstellungen', '/profil/gesundheitskarte', '/postfach', '/postfach/einreichen', '/nachrichten', '/nachrichten/neu', '/versicherung', '/versicherung/bescheinigung', '/benachrichtigungen', '/smart']
      : m.key === 'jonas' ? ['/', '/postfach', '/versicherung', '/profil'] : ['/', '/versicherung', '/postfach', '/versicherung/bescheinigung'];
    for (const path of pages) { await page.goto(BASE + path); await shot(page, p(m.key + (path.replaceAll('/', '_') || '_'))); }
    if (m.full) {
      await page.goto(BASE + '/postfach');
      const letter = page.locator('main a[href^="/postfach/"]:not([href="/postfach/einreichen"])').first();
      if (await letter.count()) {
        const href = await letter.getAttribute('href');
        await page.goto(BASE + href); await shot(page, p('anna-letter'));
        await page.goto(BASE + href + '/antworten'); await shot(page, p('anna-antworten'));
      } else report.push({ name: p('anna-letter'), note: 'no letter link' });
      await page.goto(BASE + '/nachrichten');
      const conv = page.locator('main a[href^="/nachrichten/"]:not([href="/nachrichten/neu"])').first();
      if (await conv.count()) { await page.goto(BASE + (await conv.getAttribute('href'))); await shot(page, p('anna-conversation')); }
    }
  }
  await ctx.close();
}
await browser.close();
fs.writeFileSync(`${OUT}/report-${only ?? 'all'}-${langs.join('')}.json`, JSON.stringify(report, null, 1));
console.log('done', report.length);

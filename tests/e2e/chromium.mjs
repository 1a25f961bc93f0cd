// Which Chromium the end-to-end tests launch; shared by playwright.config.ts and scripts/test.mjs.
// Playwright cannot download its own browser where there is no internet, so Debian's is preferred.
import fs from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * CHROMIUM_PATH if set, else Debian's Chromium if installed, else undefined: Playwright's own browser.
 * @returns {string | undefined}
 */
export function chromiumExecutablePath() {
  const configured = process.env.CHROMIUM_PATH?.trim();
  if (configured) return configured;
  return fs.existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

import { UAParser } from 'ua-parser-js';

export type DeviceDescription = { browser: string | null; os: string | null; kind: 'mobile' | 'tablet' | 'desktop' };

/** Browser and system from a user-agent string, for the list of sessions ("Chrome 131 auf Android 14"). */
export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  if (!userAgent) return { browser: null, os: null, kind: 'desktop' };
  const result = UAParser(userAgent);
  const join = (name?: string, version?: string) => (name ? [name, version?.split('.')[0]].filter(Boolean).join(' ') : null);
  const type = result.device.type;
  return {
    browser: join(result.browser.name, result.browser.version),
    os: join(result.os.name, result.os.version),
    kind: type === 'mobile' || type === 'tablet' ? type : 'desktop',
  };
}

/** A short German-independent label ("Chrome 131 · Android 14") for names and emails. */
export function deviceLabel(userAgent: string | null | undefined): string | null {
  const { browser, os } = describeUserAgent(userAgent);
  const label = [browser, os].filter(Boolean).join(' · ');
  return label || null;
}

import Bowser from 'bowser';

export type DeviceDescription = { browser: string | null; os: string | null; kind: 'mobile' | 'tablet' | 'desktop' };

const major = (version?: string) => version?.match(/\d+/)?.[0];

/** Browser and system from a user-agent string, for the list of sessions ("Chrome 131 auf Android 14"). */
export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  if (!userAgent) return { browser: null, os: null, kind: 'desktop' };
  const result = Bowser.getParser(userAgent).getResult();
  const join = (name?: string, version?: string) => (name ? [name, version].filter(Boolean).join(' ') : null);
  // Windows reports its kernel version ("NT 10.0"); people know it by its name ("10", "11").
  const osVersion = result.os.name === 'Windows' ? result.os.versionName : major(result.os.version);
  const type = result.platform.type;
  return {
    browser: join(result.browser.name, major(result.browser.version)),
    os: join(result.os.name, osVersion),
    kind: type === 'mobile' || type === 'tablet' ? type : 'desktop',
  };
}

/** A short German-independent label ("Chrome 131 · Android 14") for names and emails. */
export function deviceLabel(userAgent: string | null | undefined): string | null {
  const { browser, os } = describeUserAgent(userAgent);
  const label = [browser, os].filter(Boolean).join(' · ');
  return label || null;
}

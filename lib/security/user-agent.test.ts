import { describe, expect, it } from 'vitest';
import { describeUserAgent, deviceLabel } from './user-agent';

describe('describeUserAgent', () => {
  it('names browser, system and kind of the common browsers', () => {
    expect(describeUserAgent('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36')).toEqual({
      browser: 'Chrome 131',
      os: 'Android 14',
      kind: 'mobile',
    });
    expect(describeUserAgent('Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1')).toEqual({
      browser: 'Safari 17',
      os: 'iOS 17',
      kind: 'tablet',
    });
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toEqual({
      browser: 'Firefox 133',
      os: 'Windows 10',
      kind: 'desktop',
    });
  });

  it('gives a label for emails and nothing for a missing or unknown agent', () => {
    expect(deviceLabel('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')).toBe('Chrome 131 · macOS 10');
    expect(deviceLabel(null)).toBeNull();
    expect(deviceLabel('vitest')).toBeNull();
    expect(describeUserAgent(undefined)).toEqual({ browser: null, os: null, kind: 'desktop' });
  });
});

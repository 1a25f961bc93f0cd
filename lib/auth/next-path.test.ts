import { describe, expect, it } from 'vitest';
import { loginUrlFor, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path of the portal with its query', () => {
    expect(safeNextPath('/versicherung/bescheinigung')).toBe('/versicherung/bescheinigung');
    expect(safeNextPath('/postfach?tab=archive')).toBe('/postfach?tab=archive');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/%0a//evil.example',
    '/\u0000x',
    'postfach',
    '',
    '/login?next=/x',
  ])('refuses %j: the Startseite instead', (value) => {
    const result = safeNextPath(value);
    expect(result.startsWith('/')).toBe(true);
    expect(result.startsWith('//')).toBe(false);
    expect(new URL(result, 'http://portal.invalid').origin).toBe('http://portal.invalid');
    if (value !== '/%0a//evil.example') expect(result).toBe('/');
  });

  it('refuses anything that is not a string', () => {
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath(['/postfach'])).toBe('/');
  });
});

describe('loginUrlFor', () => {
  it('carries the page and the reason', () => {
    expect(loginUrlFor('/postfach')).toBe('/login?next=%2Fpostfach');
    expect(loginUrlFor('/postfach', 'idle')).toBe('/login?reason=idle&next=%2Fpostfach');
    expect(loginUrlFor('/')).toBe('/login');
  });
});

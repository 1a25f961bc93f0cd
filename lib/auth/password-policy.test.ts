import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy';

describe('checkPasswordPolicy', () => {
  it('refuses short and overlong passwords, counting characters rather than UTF-16 units', () => {
    expect(checkPasswordPolicy('kurz')).toBe('too_short');
    expect(checkPasswordPolicy('a'.repeat(129))).toBe('too_long');
    expect(checkPasswordPolicy('Bärenstärke🐻')).toBe(null);
    expect(checkPasswordPolicy('🐻'.repeat(11))).toBe('too_short');
  });

  it('refuses common passwords whatever their case and separators', () => {
    for (const common of ['passwort1234', 'Passwort-1234', 'qwertzuiopqwertzuiop', '1q2w3e4r5t6z', 'Sommer-2024!', 'iloveyou2020', '123456789012', 'aaaaaaaaaaaa']) {
      expect(checkPasswordPolicy(common), common).toBe('common');
    }
  });

  it('accepts a long passphrase without composition rules', () => {
    expect(checkPasswordPolicy('grüne tomaten am fenster')).toBe(null);
    expect(checkPasswordPolicy('Mein-neues-Passwort-2026')).toBe(null);
  });
});
